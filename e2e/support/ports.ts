// Where the end-to-end run listens: the app and the stubs of outside services.
import path from 'node:path'
import { ROOT } from '../../server/database'

export const ports = {
  app: Number(process.env.E2E_APP_PORT ?? 4800),
  resend: Number(process.env.E2E_RESEND_PORT ?? 4810),
  postcodes: Number(process.env.E2E_POSTCODES_PORT ?? 4811),
  members: Number(process.env.E2E_MEMBERS_PORT ?? 4812),
}

export const appUrl = `http://localhost:${ports.app}`
export const resendStubUrl = `http://127.0.0.1:${ports.resend}`
export const postcodesStubUrl = `http://127.0.0.1:${ports.postcodes}`
export const membersStubUrl = `http://127.0.0.1:${ports.members}`

/** Where the running e2e server writes its database's URL (one file per app port, so concurrent runs keep apart). */
export const appDatabaseFile = path.join(ROOT, '.data', `e2e-app-${ports.app}.database-url`)
