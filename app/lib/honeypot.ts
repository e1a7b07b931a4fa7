/** The honeypot: a field people cannot see; anything in it means a bot. */
export const HONEYPOT_FIELD = 'website'
