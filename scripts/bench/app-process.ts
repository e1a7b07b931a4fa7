// The built app as production runs it (`tsx server/main.ts`, NODE_ENV=production)
// in a child process: used by `npm run bench` and the resilience tests, which
// need a real process to load, stop, signal and kill.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../server/database'

const BUILD_ENTRY = path.join(ROOT, 'build', 'server', 'index.js')

export interface AppProcess {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Sends `signal` (SIGTERM by default) and waits for the exit. */
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export interface StartAppOptions {
  port: number
  databaseUrl: string
  /** Variables on top of the production defaults (RESEND_BASE_URL, WEB_CONCURRENCY, …); undefined removes one. */
  env?: Record<string, string | undefined>
  readyTimeoutMs?: number
  /** Echo the process's output to this process's stderr as it comes. */
  echo?: boolean
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[]
  /** What to run: the app (default) or the worker alone, which is ready when it says so. */
  entry?: 'server/main.ts' | 'server/worker.ts'
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generated' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs
    if (time > newest) newest = time
  }
  return newest
}

export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_ENTRY)) return true
  return newestMtime(path.join(ROOT, 'app')) > fs.statSync(BUILD_ENTRY).mtimeMs
}

/** Builds when there is no build or app/ changed since the last one. */
export function ensureBuilt({ build }: { build: boolean }) {
  if (!buildIsStale()) return
  if (!build) {
    if (fs.existsSync(BUILD_ENTRY)) return // stale but present: the tests run what was built
    throw new Error('No production build: run `npm run build` first.')
  }
  console.log('Building (npm run build)…')
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build failed')
}

/** Variables of the calling process that must not leak into the app (test runner, other configs). */
const SCRUBBED = /^(VITEST|NODE_ENV$|DATABASE_|RESEND_|POSTCODES_IO_URL$|MEMBERS_API_URL$|APP_URL$|PORT$|WORKER$|WEB_CONCURRENCY$|RATE_LIMITS$|ADMIN_|TRUST_PROXY$|DEV_MAILBOX$|EMBEDDED_POSTGRES_PORT$|MAIL_FROM$|SESSION_SECRET$)/

export async function startApp(options: StartAppOptions): Promise<AppProcess> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SCRUBBED.test(k)))
  const url = `http://127.0.0.1:${options.port}`
  const env: Record<string, string> = {
    ...(base as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(options.port),
    APP_URL: `http://localhost:${options.port}`,
    DATABASE_URL: options.databaseUrl,
    SESSION_SECRET: 'resilience-secret-resilience-secret-0123456789',
    MAIL_FROM: 'Duty of Care campaign <campaign@dutyofcare.test>',
    // Production requires who runs the campaign (decision 094).
    ORGANISATION_NAME: 'Duty of Care Bench Charity',
    ORGANISATION_URL: 'https://charity.example',
    ORGANISATION_ADDRESS: '1 Bench Street, London EC2A 3NH',
    CHARITY_NUMBER: '1234567',
    PRIVACY_CONTACT_EMAIL: 'privacy@charity.example',
  }
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  // `node --import tsx` is what `tsx server/main.ts` runs, minus the wrapper process: a signal reaches the server itself.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry ?? 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    log = (log + text).slice(-200_000)
    if (options.echo) process.stderr.write(text)
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let hasExited = false
  void exited.then(() => (hasExited = true))

  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000)
  for (;;) {
    if (hasExited) throw new Error(`The app exited before it was ready:\n${log}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The app did not answer /healthz in time:\n${log}`)
    }
    if (options.entry === 'server/worker.ts') {
      if (log.includes('Worker running.')) break
    } else {
      try {
        // Fully started (worker included) once it has said so and answers.
        const response = log.includes('Duty of Care campaign on') ? await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }) : undefined
        if (response?.status === 200) break
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 250))
  }

  return {
    url,
    port: options.port,
    child,
    output: () => log,
    exited,
    stop: async (signal = 'SIGTERM', timeoutMs = 30_000) => {
      if (!hasExited) child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      const result = await exited
      clearTimeout(timer)
      return result
    },
  }
}
