// The one place configuration is read. Parsed once; a bad value stops the
// process at start with a message naming the variable.
import crypto from 'node:crypto'
import os from 'node:os'
import { z } from 'zod'
import { LOG_LEVELS } from './log.server'

const flag = (fallback: boolean) =>
  z
    .enum(['on', 'off', 'true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['on', 'true', '1'].includes(v)))

const postgresUrl = z.string().url().refine((u) => /^postgres(ql)?:/.test(u), 'must be a postgres:// URL')

const schema = z
  .object({
    NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
    DATABASE_URL: postgresUrl,
    /** A direct connection (no pooler) for migrations and anything that needs a session; unset = DATABASE_URL. */
    DIRECT_DATABASE_URL: postgresUrl.optional(),
    /** A read replica for dashboard figures, exports and public counts; unset = DATABASE_URL. */
    DATABASE_REPLICA_URL: postgresUrl.optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.string().url().optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
    MAIL_FROM: z.string().min(3).default('Duty of Care campaign <campaign@dutyofcare.localhost>'),
    /** Where MPs' replies to briefings go (their Reply-To); unset = MAIL_FROM's address. */
    CAMPAIGN_CONTACT_EMAIL: z.string().email().optional(),
    POSTCODES_IO_URL: z.string().url().default('https://api.postcodes.io'),
    MEMBERS_API_URL: z.string().url().default('https://members-api.parliament.uk/api'),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    /**
     * Proxies in front of the app that append to X-Forwarded-For: `off` (0), `on`/`true` (exactly one,
     * e.g. a load balancer) or a number (a CDN plus a load balancer = 2). The client is the entry that
     * many places from the right: the left of it was written by whoever connected to the outermost proxy.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const value = (v ?? 'off').trim().toLowerCase()
        if (['off', 'false', 'no'].includes(value)) return 0
        if (['on', 'true', 'yes'].includes(value)) return 1
        if (/^\d{1,2}$/.test(value) && Number(value) <= 10) return Number(value)
        ctx.addIssue({ code: 'custom', message: 'must be off, on (one proxy in front) or the number of proxies in front (up to 10), like 2' })
        return z.NEVER
      }),
    /** Serve the local outbox at /dev/mailbox to any client (never in production); otherwise only to loopback clients. */
    DEV_MAILBOX: flag(false),
    RATE_LIMITS: flag(true),
    WORKER: flag(true),
    /** Emails per second Resend accepts from this account (requests, each up to 100 emails). */
    RESEND_REQUESTS_PER_SECOND: z.coerce.number().positive().default(4),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** How much the one logger writes (decision 090): info (default) logs every request; warn only problems. */
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Bearer token for GET /metrics; unset = no metrics endpoint (404). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Web processes (decision 041): default one per core, at most 4; 1 runs web and worker in one process. */
    WEB_CONCURRENCY: z.coerce.number({ invalid_type_error: 'must be a whole number of processes, like 2' }).int().min(1).max(64).optional(),
    /** Who runs the campaign (decision 094): every page's and email's footer, the data controller in /privacy. */
    ORGANISATION_NAME: z.string().trim().min(2).max(120).optional(),
    ORGANISATION_URL: z.string().url().refine((u) => /^https?:/.test(u), 'must be an http(s):// URL').optional(),
    /** One line, parts separated by commas: "Weston House, 42 Curtain Road, London EC2A 3NH". */
    ORGANISATION_ADDRESS: z.string().trim().min(5).max(300).optional(),
    CHARITY_NUMBER: z.string().trim().min(1).max(120).optional(),
    PRIVACY_CONTACT_EMAIL: z.string().email().optional(),
    /**
     * Optional logo in the header and emails: a file under public/, like /logo.svg (served by the app itself,
     * so the page's Content-Security-Policy needs no other image host; emails get it under APP_URL).
     */
    ORGANISATION_LOGO_URL: z
      .string()
      .regex(/^\/[\w-][\w./-]*\.(svg|png|jpe?g|webp)$/, 'must be the path of an image under public/, like /logo.svg')
      .refine((u) => !u.includes('..'), 'must not contain ..')
      .optional(),
    /** `npm run demo`: a banner on every page saying it is a demonstration with stand-in services (decision 098). */
    DEMO: flag(false),
  })
  .transform((env) => {
    const production = env.NODE_ENV === 'production'
    if (production && !env.SESSION_SECRET) {
      throw new z.ZodError([{ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when NODE_ENV=production' }])
    }
    // The public contract's default is placeholders marked as such (DESIGN.md), so a production start without
    // them still runs; server/main.ts names what is missing in a warning at every start (decision 094).
    const missingOrganisation = ORGANISATION_VARIABLES.filter((name) => !env[name])
    const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
    return {
      ...env,
      production,
      APP_URL: appUrl,
      SESSION_SECRET: env.SESSION_SECRET ?? devSecret(),
      /** Local outbox instead of Resend; its viewer is never served in production. */
      outbox: !env.RESEND_API_KEY,
      /** Who may read the outbox at /dev/mailbox: nobody in production, anyone with DEV_MAILBOX=on, else loopback clients when there is no Resend key. */
      devMailbox: production ? ('nobody' as const) : env.DEV_MAILBOX ? ('anyone' as const) : !env.RESEND_API_KEY ? ('loopback' as const) : ('nobody' as const),
      secureCookies: production || appUrl.startsWith('https:'),
      DIRECT_DATABASE_URL: env.DIRECT_DATABASE_URL ?? env.DATABASE_URL,
      DATABASE_REPLICA_URL: env.DATABASE_REPLICA_URL ?? env.DATABASE_URL,
      POSTCODES_IO_URL: env.POSTCODES_IO_URL.replace(/\/+$/, ''),
      MEMBERS_API_URL: env.MEMBERS_API_URL.replace(/\/+$/, ''),
      WEB_CONCURRENCY: env.WEB_CONCURRENCY ?? Math.min(4, os.availableParallelism()),
      organisation: {
        name: env.ORGANISATION_NAME ?? 'Example Charity (placeholder — set ORGANISATION_NAME)',
        url: env.ORGANISATION_URL ?? 'https://example.org',
        address: env.ORGANISATION_ADDRESS ?? '1 Placeholder Street, Example Town, AB1 2CD (placeholder — set ORGANISATION_ADDRESS)',
        charityNumber: env.CHARITY_NUMBER ?? '000000 (placeholder — set CHARITY_NUMBER)',
        privacyEmail: env.PRIVACY_CONTACT_EMAIL ?? 'privacy@example.org',
        logoUrl: env.ORGANISATION_LOGO_URL,
        /** True when any of it is a placeholder. */
        placeholder: missingOrganisation.length > 0,
        /** The variables not set, which show as placeholders. */
        missing: missingOrganisation,
      },
    }
  })

/** Unset ones show as placeholders that say what to set (and production warns at start). */
const ORGANISATION_VARIABLES = ['ORGANISATION_NAME', 'ORGANISATION_URL', 'ORGANISATION_ADDRESS', 'CHARITY_NUMBER', 'PRIVACY_CONTACT_EMAIL'] as const

function devSecret() {
  // One per process tree: server/main.ts sets it before forking workers.
  process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString('hex')
  return process.env.SESSION_SECRET
}

export type Env = z.output<typeof schema>

let parsed: Env | undefined

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const result = schema.safeParse(blanksRemoved)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

export function env(): Env {
  parsed ??= loadEnv()
  return parsed
}
