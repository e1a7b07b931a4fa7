// What the /write forms say when a field is wrong, keyed, in English: the rules in ./letter-form.server.ts use
// these, and the catalogue's Welsh twin (app/i18n/write.cy.server.ts) has the same keys (decision 110).
import { MAX_BODY_CHARS, MIN_BODY_CHARS } from './letter-limits'

export const LETTER_MESSAGES = {
  startAgain: 'Start again with your postcode',
  subjectRequired: 'Enter a subject for your letter',
  subjectTooLong: 'The subject must be 200 characters or fewer',
  bodyRequired: 'Write your letter',
  bodyTooShort: `Your letter must be at least ${MIN_BODY_CHARS} characters`,
  bodyTooLong: `Your letter must be ${MAX_BODY_CHARS.toLocaleString('en-GB')} characters or fewer`,
  bodyCharacters: 'Your letter contains characters we cannot accept',
  characters: 'This contains characters we cannot accept',
  addressRequired: 'Enter the first line of your address',
  addressTooLong: 'The first line of your address must be 200 characters or fewer',
  townRequired: 'Enter your town or city',
  townTooLong: 'Your town or city must be 100 characters or fewer',
  phone: 'Enter a phone number, like 07700 900123',
}
