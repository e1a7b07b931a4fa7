// The HTTP side: Express in front of the React Router build, with security
// headers, compression, static assets and a body size limit.
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import crypto from 'node:crypto'
import express from 'express'
import path from 'node:path'
import type { ServerBuild } from 'react-router'
import { ROOT } from './database'

const MAX_BODY_BYTES = 256 * 1024

export interface AppContext {
  cspNonce: string
  clientIp: string
}

declare module 'react-router' {
  interface AppLoadContext extends AppContext {}
}

export async function createHttpApp(options: { trustProxy: boolean; production: boolean }) {
  const build = (await import(path.join(ROOT, 'build', 'server', 'index.js'))) as ServerBuild
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy ? true : false)
  app.use(compression())

  app.use(
    '/assets',
    express.static(path.join(ROOT, 'build', 'client', 'assets'), { immutable: true, maxAge: '1y', index: false }),
  )
  app.use(express.static(path.join(ROOT, 'build', 'client'), { maxAge: '1h', index: false }))

  app.use((req, res, next) => {
    const length = Number(req.headers['content-length'] ?? 0)
    if (length > MAX_BODY_BYTES) {
      res.status(413).type('text/plain').send('That request is too large.')
      return
    }
    const nonce = crypto.randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        ...(options.production ? ['upgrade-insecure-requests'] : []),
      ].join('; '),
    )
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    if (options.production) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
    next()
  })

  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: options.production ? 'production' : 'development',
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  )
  return app
}
