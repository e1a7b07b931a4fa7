// `npm start`: database (embedded when DATABASE_URL is unset), migrations,
// campaign content, then the web server and the worker. WEB_CONCURRENCY web
// processes (default: one per core, at most 4; decision 041): with more than
// one, this process only supervises, and the worker runs in a process of its
// own at a lower CPU priority, so in a rush signing comes first and email
// catches up. WEB_CONCURRENCY=1 runs web and worker in this one process.
// WORKER=off leaves the worker out (`npm run worker` runs one alone).
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import os from 'node:os'
import http, { type Server } from 'node:http'
import type { Worker } from '~/jobs/worker.server'
import { ensureDatabaseUrl, migrateDatabase } from './database'
import { flushFastPathLog } from './fast-paths'
import { log } from '~/lib/log.server'

async function primary() {
  const embedded = await ensureDatabaseUrl()
  migrateDatabase()
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString('hex')
  const { env } = await import('~/lib/env.server')
  const config = env()
  const { ensureCampaignContent } = await import('~/campaign/seed.server')
  await ensureCampaignContent()

  // Signals are handled from before the first request is served: a deploy may stop us at any moment.
  let server: Server | undefined
  let workerStarting: Promise<Worker | undefined> = Promise.resolve(undefined)
  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    log.info({ signal }, `${signal}: finishing in-flight work`)
    // Web processes finish their in-flight requests, the worker its batch, before this one lets go of the database.
    const children = Object.values(cluster.workers ?? {})
    const childrenExited = children.map((w) => new Promise((resolve) => (!w || w.isDead() ? resolve(undefined) : w.once('exit', resolve))))
    for (const w of children) w?.process.kill('SIGTERM')
    const stopWorker = workerStarting.then((worker) => worker?.stop(), () => undefined)
    await Promise.all([server ? closeGracefully(server) : undefined, stopWorker, ...childrenExited])
    flushFastPathLog()
    const { disconnectDatabase } = await import('~/lib/db.server')
    await disconnectDatabase()
    await embedded?.stop()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  const webProcesses = config.WEB_CONCURRENCY
  if (webProcesses > 1) {
    const roles = new Map<number, Role>()
    const fork = (role: Role) => roles.set(cluster.fork({ DUTY_OF_CARE_ROLE: role }).id, role)
    for (let i = 0; i < webProcesses; i++) fork('web')
    if (config.WORKER) fork('jobs')
    cluster.on('exit', (child, code, signal) => {
      const role = roles.get(child.id) ?? 'web'
      roles.delete(child.id)
      if (!shuttingDown) {
        log.error({ role, childPid: child.process.pid, code, signal }, `${role} process ${child.process.pid ?? 'unknown'} exited (${signal ?? code ?? 'unknown'}); starting another in a second`)
        setTimeout(() => !shuttingDown && fork(role), 1_000)
      }
    })
  } else {
    server = await serveHttp()
    workerStarting = config.WORKER ? import('~/jobs/worker.server').then((m) => m.startWorker()) : Promise.resolve(undefined)
    await workerStarting
  }
  const mailbox = { anyone: ' (DEV_MAILBOX=on: readable by anyone who can reach this port)', loopback: ' (readable from this machine only)', nobody: '' }[config.devMailbox]
  if (config.production && config.organisation.missing.length > 0) {
    log.warn({ missing: config.organisation.missing }, `Pages and emails show placeholders for who runs the campaign: set ${config.organisation.missing.join(', ')} (README, Configuration)`)
  }
  log.info(`Duty of Care campaign on ${config.APP_URL} (port ${config.PORT})${config.outbox ? ` — mail goes to the local outbox at /dev/mailbox${mailbox}` : ''}`)
}

type Role = 'web' | 'jobs'

async function serveHttp(): Promise<Server> {
  const { env } = await import('~/lib/env.server')
  const config = env()
  const { answerClientErrors, createHttpApp } = await import('./http')
  const listener = await createHttpApp({ trustProxyHops: config.TRUST_PROXY, production: config.production })
  return new Promise((resolve) => {
    const server = http.createServer(listener).listen(config.PORT, () => resolve(server))
    server.keepAliveTimeout = 65_000
    answerClientErrors(server)
  })
}

/** Stops accepting, lets in-flight requests finish (idle keep-alive connections close now), then gives up after a grace period. */
function closeGracefully(server: Server, graceMs = 20_000) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs)
    // A keep-alive connection whose last request just finished is idle now: let it go too.
    const sweep = setInterval(() => server.closeIdleConnections(), 100)
    server.close(() => {
      clearTimeout(timer)
      clearInterval(sweep)
      resolve()
    })
    server.closeIdleConnections()
  })
}

async function webProcess() {
  const server = await serveHttp()
  const stop = (graceMs?: number) =>
    void closeGracefully(server, graceMs).then(() => {
      flushFastPathLog() // the last interval's summary line (its timer does not keep the process up)
      process.exit(0)
    })
  process.on('SIGTERM', () => stop())
  // Ctrl-C reaches the whole process group: the primary decides, and sends SIGTERM.
  process.on('SIGINT', () => {})
  // The primary went away (killed): stop serving rather than linger on the port.
  process.on('disconnect', () => stop(5_000))
}

async function jobsProcess() {
  try {
    os.setPriority(10) // below the web processes: a rush of signatures is served first, email catches up after
  } catch {
    // not allowed here: run at normal priority
  }
  const { startWorker } = await import('~/jobs/worker.server')
  const worker = await startWorker()
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await worker.stop() // the batch in hand is finished (or left to its lease), never half-recorded
    const { disconnectDatabase } = await import('~/lib/db.server')
    await disconnectDatabase()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => {})
  process.on('disconnect', () => void stop())
}

if (cluster.isPrimary) {
  primary().catch((error) => {
    log.fatal(error instanceof Error ? error.message : String(error))
    process.exit(1)
  })
} else {
  ;(process.env.DUTY_OF_CARE_ROLE === 'jobs' ? jobsProcess() : webProcess()).catch((error) => {
    log.fatal({ err: error }, 'process failed to start')
    process.exit(1)
  })
}
