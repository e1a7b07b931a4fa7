// Abuse limits counted per email address key on a hash of the mailbox, so
// the RateLimit table never holds anyone's address (and an erasure can find
// and drop that person's counters by hashing the same way).
import crypto from 'node:crypto'
import { mailboxKey } from './mailbox-key'

export function addressRateKey(address: string): string {
  return crypto.createHash('sha256').update(mailboxKey(address)).digest('base64url')
}
