// The copy-paste <iframe> code partners put on their sites.
import type { Language } from '~/i18n/language'
import { withPartner } from './partner'
import { widgetLanguageParams } from './widget-language'

export interface EmbedSnippet {
  id: 'button' | 'form'
  name: string
  /** Path on our site (relative: the dashboard's live preview frames it from here). */
  path: string
  title: string
  height: number
  maxWidth: number
  code: string
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The frame's title, which screen readers announce, is in the widget's language. */
const TITLES = {
  en: { button: 'Duty of Care petition: the count so far', form: 'Sign the Duty of Care petition' },
  cy: { button: 'Deiseb Dyletswydd Gofal: y cyfrif hyd yma', form: 'Llofnodwch ddeiseb Dyletswydd Gofal' },
} satisfies Record<Language, Record<EmbedSnippet['id'], string>>

export function embedSnippets(appUrl: string, partner: string | null, language: Language = 'en'): EmbedSnippet[] {
  const widgets = [
    { id: 'button' as const, name: 'The count and a “Sign the petition” button', page: '/embed', title: TITLES[language].button, height: 300, maxWidth: 480 },
    { id: 'form' as const, name: 'The count and the whole sign form', page: '/embed/sign', title: TITLES[language].form, height: 900, maxWidth: 560 },
  ]
  return widgets.map(({ page, ...widget }) => {
    const path = withPartner(page, partner, widgetLanguageParams(language))
    // No `sandbox`: a sandboxed frame posts with "Origin: null", which React Router refuses as cross-site.
    const code = `<iframe src="${escapeAttribute(appUrl + path)}" title="${escapeAttribute(widget.title)}" width="100%" height="${widget.height}" style="border:0;max-width:${widget.maxWidth}px" loading="lazy"></iframe>`
    return { ...widget, path, code }
  })
}
