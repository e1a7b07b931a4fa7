// Debian's PgBouncer in transaction pooling mode in front of a test Postgres: how managed
// Postgres is run at scale. Each transaction (each statement outside one) may run on a
// different server connection, so anything that keeps state in a session breaks here.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './free-port'

export const PGBOUNCER = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer'

/** Why PgBouncer cannot run here, or undefined when it can. Missing and not root: the test says so and skips. */
export function pgbouncerMissing(): string | undefined {
  if (fs.existsSync(PGBOUNCER)) return undefined
  return `PgBouncer is not installed at ${PGBOUNCER}: install it with \`apt-get install -y pgbouncer\` (.ci/run does) or set PGBOUNCER_PATH.`
}

export interface Pooler {
  /** `directUrl` with the pooler's host and port. */
  url: string
  port: number
  log: () => string
  stop: () => Promise<void>
}


/** PgBouncer refuses to run as root: as root it runs as the `postgres` user (the embedded Postgres's), else `nobody`. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout), gid: Number(gid.stdout) }
  }
  throw new Error('PgBouncer cannot run as root and there is neither a postgres nor a nobody user to run it as.')
}

/** Starts PgBouncer (transaction pooling, `serverConnections` server connections per database) in front of `directUrl`'s server. */
export async function startPgBouncer(directUrl: string, { serverConnections = 8 } = {}): Promise<Pooler> {
  const direct = new URL(directUrl)
  const user = decodeURIComponent(direct.username)
  const password = decodeURIComponent(direct.password)
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbouncer-'))
  const runAs = unprivilegedUser()
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" "${password}"\n`, { mode: 0o600 })
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${direct.hostname} port=${direct.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${serverConnections}`,
      'min_pool_size = 0',
      'reserve_pool_size = 0',
      'max_client_conn = 1000',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      // What node-postgres and pg-boss may send at start-up beyond the parameters PgBouncer tracks.
      'ignore_startup_parameters = extra_float_digits,options,statement_timeout',
      '',
    ].join('\n'),
  )
  if (runAs) {
    for (const file of ['', 'userlist.txt', 'pgbouncer.ini']) fs.chownSync(path.join(dir, file), runAs.uid, runAs.gid)
  }
  let output = ''
  const child: ChildProcess = spawn(PGBOUNCER, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let running = true
  void exited.then(() => (running = false))
  const log = () => {
    const file = path.join(dir, 'pgbouncer.log')
    return output + (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
  }

  const url = new URL(directUrl)
  url.port = String(port)
  const deadline = Date.now() + 15_000
  for (;;) {
    if (!running) throw new Error(`PgBouncer exited at start:\n${log()}`)
    const client = new pg.Client({ connectionString: url.toString() })
    try {
      await client.connect()
      await client.query('SELECT 1')
      await client.end()
      break
    } catch (error) {
      await client.end().catch(() => undefined)
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`PgBouncer did not answer on port ${port}: ${(error as Error).message}\n${log()}`)
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  return {
    url: url.toString(),
    port,
    log,
    stop: async () => {
      if (running) child.kill('SIGINT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
