// `npm start`: database (embedded when DATABASE_URL is unset), migrations,
// campaign content, then the web server and the worker in one process
// (WORKER=off leaves the worker out; WEB_CONCURRENCY=n forks n web processes).
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import type { Server } from 'node:http'
import { ensureDatabaseUrl, migrateDatabase } from './database'

async function primary() {
  const embedded = await ensureDatabaseUrl()
  migrateDatabase()
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString('hex')
  const { env } = await import('~/lib/env.server')
  const config = env()
  const { ensureCampaignContent } = await import('~/campaign/seed.server')
  await ensureCampaignContent()

  const webProcesses = Number(process.env.WEB_CONCURRENCY ?? 1)
  let server: Server | undefined
  if (webProcesses > 1) {
    for (let i = 0; i < webProcesses; i++) cluster.fork()
    cluster.on('exit', (worker, code) => {
      if (!shuttingDown && code !== 0) {
        console.error(`web process ${worker.process.pid} exited (${code}); starting another`)
        cluster.fork()
      }
    })
  } else {
    server = await serveHttp()
  }

  const worker = config.WORKER ? await (await import('~/jobs/worker.server')).startWorker() : undefined
  console.log(`Duty of Care campaign on ${config.APP_URL} (port ${config.PORT})${config.outbox ? ' — mail goes to the local outbox at /dev/mailbox' : ''}`)

  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    console.log(`${signal}: finishing in-flight work`)
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    await Promise.all([
      server ? new Promise((resolve) => server!.close(resolve)) : undefined,
      worker?.stop(),
    ])
    const { prisma } = await import('~/lib/db.server')
    await prisma.$disconnect()
    await embedded?.stop()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

async function serveHttp(): Promise<Server> {
  const { env } = await import('~/lib/env.server')
  const config = env()
  const { createHttpApp } = await import('./http')
  const app = await createHttpApp({ trustProxy: config.TRUST_PROXY, production: config.production })
  return new Promise((resolve) => {
    const server = app.listen(config.PORT, () => resolve(server))
    server.keepAliveTimeout = 65_000
  })
}

async function webProcess() {
  const server = await serveHttp()
  process.on('SIGTERM', () => server.close(() => process.exit(0)))
}

if (cluster.isPrimary) {
  primary().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
} else {
  webProcess().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
