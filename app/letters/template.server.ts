// The campaign's letter template: several subject lines (one picked per
// letter, so an MP's inbox does not show one subject a thousand times), a body
// with merge fields ({{mp_name}}, {{constituency}}, {{name}}, {{town}}) and the
// prompts shown beside it. Campaigners may edit it; the seed never overwrites.
import crypto from 'node:crypto'
import { defaultLetterTemplateCy } from '~/campaign/content.write.cy'
import type { Language } from '~/i18n/language'
import { prisma } from '~/lib/db.server'
import { memoFor } from '~/lib/memo.server'
import { mergeTemplate, type MergeValues } from './letter-text'

export interface LetterTemplateContent {
  subjects: string[]
  body: string
  prompts: string[]
}

// In our own words; the figures are the NSPCC's (FOI requests to police forces, May 2020).
export const defaultLetterTemplate: LetterTemplateContent = {
  subjects: [
    'Please back a legal Duty of Care to keep children safe online',
    'A constituent in {{constituency}} asks you to support an Online Harms Bill',
    'Will you press for the Online Harms Bill without further delay?',
    'Children’s safety online: make tech companies responsible',
  ],
  body: `Dear {{mp_name}},

I live in {{town}}, in your constituency of {{constituency}}, and I am writing to ask you to press the government for an Online Harms Bill that puts a legal Duty of Care on tech companies.

The NSPCC asked police forces for their figures. In the two and a half years after sexual communication with a child became an offence in April 2017, police in England and Wales recorded more than 10,000 such crimes up to October 2019, and almost a quarter of them came in the six months from May to October 2019. Where the police noted how a child was groomed, more than half of the cases involved apps owned by Facebook.

Every other business that serves children has to take care to keep them safe. Social networks should not be the exception. I would like the law to:
- require tech companies to find and reduce the risks their platforms pose to children, from the moment a product is designed;
- set up a regulator able to fine companies up to 4% of their global turnover and to hold named directors to account for the worst failures;
- give that regulator the power to investigate companies and demand information from them;
- make companies tell the public when they breach their duty or make major changes to their platforms.

Please ask the Prime Minister to publish a timetable now and to pass this law within 18 months, and let me know what you will do.

Yours sincerely,
{{name}}`,
  prompts: [
    'Why does this matter to you? You might be a parent, a grandparent, a teacher — or remember being a teenager online yourself.',
    'Anything about your area? A local school, club or news story makes your letter one only you could have written.',
    'What would you like your MP to do? A direct question (“Will you write to the minister?”) makes a reply more likely.',
  ],
}

/** Creates the template once; an edited template is left as it is. */
export async function ensureLetterTemplate() {
  await prisma.letterTemplate.upsert({ where: { id: 1 }, create: { id: 1, ...defaultLetterTemplate }, update: {} })
}

/** The template in both languages, as stored: each falls back to its default until an admin writes it (decision 112). */
export async function storedLetterTemplates(): Promise<Record<Language, LetterTemplateContent>> {
  const row = await prisma.letterTemplate.findUnique({ where: { id: 1 } })
  return {
    en: !row || !row.subjects.length || !row.body.trim() ? defaultLetterTemplate : { subjects: row.subjects, body: row.body, prompts: row.prompts },
    cy: !row || !row.subjectsCy.length || !row.bodyCy.trim() ? defaultLetterTemplateCy : { subjects: row.subjectsCy, body: row.bodyCy, prompts: row.promptsCy },
  }
}

const cachedTemplates = memoFor(30_000, storedLetterTemplates)

/** The template a writer starts from, in the page's language: a Welsh writer starts from the Welsh one. */
export async function letterTemplate(language: Language = 'en'): Promise<LetterTemplateContent> {
  return (await cachedTemplates())[language]
}

/** One of the campaign's subject lines, merged for this MP. */
export function pickSubject(template: LetterTemplateContent, values: MergeValues): string {
  const subject = template.subjects[crypto.randomInt(template.subjects.length)] ?? 'Please back a Duty of Care for tech companies'
  return mergeTemplate(subject, values)
}
