import { Link } from 'react-router'
import { localePath, type Language } from '~/i18n/language'
import type { Organisation } from '~/lib/organisation.server'

interface FooterWords {
  runBy: string
  charityNumber: string
  privacyNotice: string
  accessibilityStatement: string
  dataQuestions: string
}

/** The site footer's identity lines: who runs the campaign, where to write, the charity number. */
export function OrganisationFooter({
  organisation,
  words,
  language,
}: {
  organisation: Omit<Organisation, 'placeholder' | 'missing'>
  words: FooterWords
  language: Language
}) {
  return (
    <div className="mt-4 space-y-1">
      <p>
        {words.runBy} <a href={organisation.url}>{organisation.name}</a>, {organisation.address}. {words.charityNumber} {organisation.charityNumber}.
      </p>
      <p>
        <Link to={localePath(language, '/privacy')}>{words.privacyNotice}</Link> · <Link to={localePath(language, '/accessibility')}>{words.accessibilityStatement}</Link> · {words.dataQuestions}{' '}
        <a href={`mailto:${organisation.privacyEmail}`}>{organisation.privacyEmail}</a>
      </p>
    </div>
  )
}
