// Who runs the campaign, from the one env parser (decision 094). Shared configuration (app/lib), since the transport's email layout shows it too. Pages get it through the
// root loader; emails read it here when they are rendered.
import { env } from '~/lib/env.server'

export type Organisation = ReturnType<typeof env>['organisation']

export function organisation(): Organisation {
  return env().organisation
}
