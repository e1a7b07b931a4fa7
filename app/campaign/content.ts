// The campaign's words and figures. Figures are the NSPCC's (freedom of
// information requests to police forces, published May 2020); the sentences
// are ours. Shared by the pages, the emails and the letter template.

export const campaign = {
  name: 'Duty of Care',
  title: 'Make tech firms responsible for keeping children safe online',
  petitionTarget: 'the Prime Minister',
  petitionText:
    'We call on the Prime Minister to publish a roadmap within weeks and to pass an Online Harms Bill within 18 months that puts a legal Duty of Care on tech companies, enforced by a regulator with the power to fine them, to investigate them and to make them tell the public when children have been put at risk.',
  source: {
    name: 'NSPCC',
    detail: 'figures obtained by the NSPCC through freedom of information requests to police forces, published 29 May 2020',
    /**
     * Where the figures were published. The campaign's brief names no address for the NSPCC's own release of
     * 29 May 2020, so this is the NSPCC's news page, where its releases are listed: replace it with the
     * release's own address once the campaign team confirms it.
     */
    url: 'https://www.nspcc.org.uk/about-us/news-opinion/',
  },
} as const

export interface Ask {
  id: string
  title: string
  summary: string
}

export const asks: Ask[] = [
  {
    id: 'duty-of-care',
    title: 'A legal Duty of Care',
    summary:
      'Tech companies must by law find and reduce the risks their platforms pose that they can reasonably foresee — starting when a product is designed, not after children have been hurt.',
  },
  {
    id: 'regulator',
    title: 'A regulator with teeth',
    summary:
      'An independent regulator that can fine a company up to 4% of its global turnover, as data protection law already allows, and can hold named directors criminally liable for the worst failures.',
  },
  {
    id: 'investigate',
    title: 'Power to investigate',
    summary: 'The regulator must be able to look inside these companies and require them to hand over information.',
  },
  {
    id: 'transparency',
    title: 'Honesty by law',
    summary:
      'Platforms must be legally required to disclose when they breach their Duty of Care and when they make major changes to how their products work.',
  },
]

export const timingAsk = {
  title: 'No more delay: a roadmap now, the law within 18 months',
  summary:
    'The Online Harms White Paper promised independent regulation, but the government’s full response kept slipping and a regulator might not exist before 2023. We are asking the Prime Minister to publish a timetable and to get the Bill through Parliament within 18 months.',
}

export interface Figure {
  value: string
  label: string
  /** When the figure was counted: every figure is dated, so none reads as current. */
  period: string
}

export const figures: Figure[] = [
  {
    value: '10,119',
    label: 'crimes of sexual communication with a child were recorded by police in England and Wales after the offence was created.',
    period: 'April 2017 to October 2019',
  },
  { value: '23%', label: 'of those crimes were recorded in the last six months of that period — the problem was growing faster.', period: 'May to October 2019' },
  {
    value: '55%',
    label: 'of cases where police noted how a child was groomed involved apps owned by Facebook: Facebook, Messenger, Instagram or WhatsApp.',
    period: 'April 2017 to October 2019',
  },
  {
    value: '3,200+',
    label: 'times Facebook-owned apps were used where the method was recorded — about half of them on Instagram.',
    period: 'April 2017 to October 2019',
  },
  { value: '1,060', label: 'times Snapchat was used where the method was recorded.', period: 'April 2017 to October 2019' },
  {
    value: '62%',
    label: 'of the 441 online grooming crimes recorded in the Thames Valley over three years happened on Facebook-owned apps.',
    period: 'three years, published May 2020',
  },
]

export const story = {
  contentNote: 'Content note: this story describes the online grooming and sexual abuse of a child.',
  namesNote: 'Names have been changed to protect the family.',
  paragraphs: [
    '“Emily” was 13. On Facebook and Snapchat she swapped messages and photos with a man she believed was 15. He was 24, and he went on to sexually abuse her.',
    'Her mother’s question is simple: every other business that serves children has to take care to keep them safe — why are social networks the exception?',
  ],
}

export const context =
  'When schools closed during the coronavirus pandemic, children spent far more of their lives online. The NSPCC warned this created ideal conditions for abusers on platforms that had never built basic protection for children into their design.'

/**
 * Below this many confirmed signatures the campaign page says "Be one of the first to sign" instead of a
 * small number and an empty bar (decision 095): social proof that works on launch day.
 */
export const countShownFrom = 100

/** Milestones the signature count is shown against; campaigners can change them. */
export const defaultMilestones = [10_000, 100_000, 250_000, 500_000, 1_000_000]

/** Bumped whenever the privacy notice changes; each signature records the version it was given. */
export const privacyVersion = '2026-12-02'

/**
 * Where someone the story affects can get help (issue 11; services and numbers from the NSPCC): shown beside
 * Emily's story, on the thanks pages and in the footer of every email to supporters (never to MPs).
 * These are the defaults: a campaigner edits the wording on /admin/campaign (app/campaign/help-lines.server.ts).
 */
export interface HelpLineWords {
  heading: string
  intro: string
  nspccName: string
  nspccFor: string
  childlineName: string
  childlineFor: string
}

export interface HelpLineContacts {
  nspccPhone: string
  nspccEmail: string
  childlinePhone: string
  /** A web address without its scheme, as people say it: childline.org.uk. */
  childlineWeb: string
}

export const helpLineContacts: HelpLineContacts = {
  nspccPhone: '0808 800 5000',
  nspccEmail: 'help@nspcc.org.uk',
  childlinePhone: '0800 1111',
  childlineWeb: 'childline.org.uk',
}

export const helpLineWords: HelpLineWords = {
  heading: 'If this affects you, help is here',
  intro: 'Talking to someone can help, whether you are worried about a child or you are a young person who needs support.',
  nspccName: 'NSPCC Helpline',
  nspccFor: 'for adults worried about a child',
  childlineName: 'Childline',
  childlineFor: 'for children and young people, free and confidential',
}
