import { Link } from 'react-router'
import type { Organisation } from '~/lib/organisation.server'

/** The site footer's identity lines: who runs the campaign, where to write, the charity number. */
export function OrganisationFooter({ organisation }: { organisation: Omit<Organisation, 'placeholder' | 'missing'> }) {
  return (
    <div className="mt-4 space-y-1">
      <p>
        Run by <a href={organisation.url}>{organisation.name}</a>, {organisation.address}. Registered charity number {organisation.charityNumber}.
      </p>
      <p>
        <Link to="/privacy">Privacy notice</Link> · <Link to="/accessibility">Accessibility statement</Link> · Questions about your data:{' '}
        <a href={`mailto:${organisation.privacyEmail}`}>{organisation.privacyEmail}</a>
      </p>
    </div>
  )
}
