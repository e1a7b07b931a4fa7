// `npm run mps:target -- <command>`: campaigners' say over the MP directory.
//   list [search]                  current MPs (member id, seat, email, target on/off)
//   off <member id> <reason…>      stop sending letters to this MP (supporters see the reason)
//   on <member id>                 send letters to this MP again
//   email <member id> <address>    send letters to this address instead of the synced one
//   email <member id> clear        go back to the synced address
import { ensureDatabaseUrl, migrateDatabase } from '../server/database'

const [command, id, ...rest] = process.argv.slice(2)
const usage = `Usage: npm run mps:target -- list [search] | off <member id> <reason> | on <member id> | email <member id> <address|clear>`

const embedded = await ensureDatabaseUrl()
migrateDatabase()
const targets = await import('~/mps/targets.server')
const { prisma } = await import('~/lib/db.server')

function memberId() {
  const n = Number(id)
  if (!Number.isInteger(n) || n <= 0) throw new targets.TargetError(`Not a member id: ${id ?? '(none)'}\n${usage}`)
  return n
}

let exitCode = 0
try {
  switch (command) {
    case 'list': {
      const mps = await targets.findMps([id, ...rest].filter(Boolean).join(' '))
      for (const mp of mps) {
        const email = mp.emailOverride ? `${mp.emailOverride} (override)` : (mp.email ?? 'no email')
        const target = mp.targetEnabled ? 'on' : `OFF: ${mp.targetDisabledReason ?? ''}`
        console.log(`${String(mp.id).padStart(5)}  ${(mp.constituencyName ?? '').padEnd(40)} ${mp.name.padEnd(30)} ${email}  [${target}]`)
      }
      console.log(`${mps.length} MPs`)
      break
    }
    case 'off': {
      const mp = await targets.switchTargetOff(memberId(), rest.join(' '))
      console.log(`Letters to ${mp.name} are switched off: ${mp.targetDisabledReason ?? 'no reason given'}`)
      break
    }
    case 'on': {
      const mp = await targets.switchTargetOn(memberId())
      console.log(`Letters to ${mp.name} are switched on.`)
      break
    }
    case 'email': {
      const address = rest[0]
      if (!address) throw new targets.TargetError(usage)
      const mp = await targets.setEmailOverride(memberId(), address === 'clear' ? null : address)
      console.log(mp.emailOverride ? `Letters to ${mp.name} now go to ${mp.emailOverride}.` : `Letters to ${mp.name} go to the synced address (${mp.email ?? 'none'}).`)
      break
    }
    default:
      console.error(usage)
      exitCode = 2
  }
} catch (error) {
  console.error(error instanceof targets.TargetError ? error.message : error)
  exitCode = 1
} finally {
  await prisma.$disconnect()
  await embedded?.stop()
}
process.exit(exitCode)
