// Campaigner passwords: argon2id (OWASP's minimum profile: 19 MiB, 2 passes,
// 1 lane), hashed off the event loop by @node-rs/argon2's thread pool.
import { hash, verify } from '@node-rs/argon2'

const ARGON2ID = 2 // Algorithm.Argon2id (a const enum, so spelled out here)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export { MIN_PASSWORD_LENGTH } from './password-rules'

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

// Verified against when the account does not exist, so that a wrong email
// costs the same time as a wrong password (no account enumeration by timing).
let dummyHash: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not a real password, only here to spend the same time')
  const target = passwordHash ?? (await dummyHash)
  try {
    const ok = await verify(target, password)
    return ok && !!passwordHash
  } catch {
    return false
  }
}
