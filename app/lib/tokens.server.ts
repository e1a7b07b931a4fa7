// Secret links: 256 random bits in the link, only their SHA-256 in the database.
import crypto from 'node:crypto'

export function createToken() {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** A token as it may arrive in a URL: anything else is not worth a database query. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)
}
