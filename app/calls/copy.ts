// Every word a supporter reads about calling their MP, in English and Welsh.
// The pages render `callCopy.en` for now; the Welsh routes pick `callCopy.cy`.
// Placeholders in braces ({mp}, {seat}, {count}) are filled by `fillCopy`.
//
// WELSH: written by the team, AWAITING REVIEW BY A WELSH SPEAKER before launch.

const en = {
  panelTitle: 'Or call your MP',
  panelIntro: 'A phone call takes two minutes and an MP’s office counts every one. You do not need to give your name or any details to us.',
  phonesHeading: '{mp}’s phone numbers',
  westminsterOffice: 'Westminster office (House of Commons)',
  constituencyOffice: 'Constituency office, in {seat}',
  noPhones: '{mp} does not list a phone number with Parliament.',
  profileLink: '{mp}’s contact details on the UK Parliament website',
  opensParliament: ' (opens the Parliament website)',
  scriptHeading: 'What you could say',
  scriptHint: 'Put it in your own words. Give your name and your postcode, so the office knows you are a constituent.',
  calledHeading: 'Have you called?',
  calledHint: 'Tell us, and we will count your call for {seat}. We do not record who you are, only that {mp}’s office got a call.',
  calledButton: 'I called',
  thanksTitle: 'Thank you for calling {mp}',
  thanksTitleNoMp: 'Thank you for calling your MP',
  thanksBody: 'We have counted your call for {seat}. Calls and letters together show MPs how many of their constituents want a Duty of Care.',
  thanksNext: 'What next?',
  thanksWrite: 'Write to your MP as well',
  thanksSign: 'Sign the petition',
  thanksMap: 'See how your constituency compares',
  problemTitle: 'We have not counted that call',
  rateLimited: 'We have counted several calls from your connection in the last hour. Thank you! Please try again later.',
  unknownMp: 'We could not tell which MP you called. Start again with your postcode.',
  startAgain: 'Start again with your postcode',
  pageTitle: 'Call your MP — Duty of Care campaign',
  thanksPageTitle: 'Thank you for calling — Duty of Care campaign',
} as const

export type CallCopy = { readonly [K in keyof typeof en]: string }

/** Awaiting review by a Welsh speaker before launch. */
const cy: CallCopy = {
  panelTitle: 'Neu ffoniwch eich AS',
  panelIntro: 'Dim ond dau funud y mae galwad ffôn yn ei gymryd, ac mae swyddfa AS yn cyfrif pob un. Does dim angen i chi roi eich enw nac unrhyw fanylion i ni.',
  phonesHeading: 'Rhifau ffôn {mp}',
  westminsterOffice: 'Swyddfa San Steffan (Tŷ’r Cyffredin)',
  constituencyOffice: 'Swyddfa’r etholaeth, yn {seat}',
  noPhones: 'Nid yw {mp} yn rhestru rhif ffôn gyda’r Senedd.',
  profileLink: 'Manylion cyswllt {mp} ar wefan Senedd y DU',
  opensParliament: ' (yn agor gwefan y Senedd)',
  scriptHeading: 'Beth allech chi ei ddweud',
  scriptHint: 'Dywedwch hyn yn eich geiriau eich hun. Rhowch eich enw a’ch cod post, fel bod y swyddfa’n gwybod eich bod yn etholwr.',
  calledHeading: 'Ydych chi wedi ffonio?',
  calledHint: 'Dywedwch wrthym, a byddwn yn cyfrif eich galwad dros {seat}. Nid ydym yn cofnodi pwy ydych chi, dim ond bod swyddfa {mp} wedi cael galwad.',
  calledButton: 'Rwyf wedi ffonio',
  thanksTitle: 'Diolch am ffonio {mp}',
  thanksTitleNoMp: 'Diolch am ffonio eich AS',
  thanksBody: 'Rydym wedi cyfrif eich galwad dros {seat}. Mae galwadau a llythyrau gyda’i gilydd yn dangos i ASau faint o’u hetholwyr sydd eisiau Dyletswydd Gofal.',
  thanksNext: 'Beth nesaf?',
  thanksWrite: 'Ysgrifennwch at eich AS hefyd',
  thanksSign: 'Llofnodwch y ddeiseb',
  thanksMap: 'Gweld sut mae eich etholaeth yn cymharu',
  problemTitle: 'Nid ydym wedi cyfrif yr alwad honno',
  rateLimited: 'Rydym wedi cyfrif sawl galwad o’ch cysylltiad yn yr awr ddiwethaf. Diolch! Rhowch gynnig arall arni yn nes ymlaen.',
  unknownMp: 'Ni allem ddweud pa AS y gwnaethoch ei ffonio. Dechreuwch eto gyda’ch cod post.',
  startAgain: 'Dechreuwch eto gyda’ch cod post',
  pageTitle: 'Ffoniwch eich AS — ymgyrch Dyletswydd Gofal',
  thanksPageTitle: 'Diolch am ffonio — ymgyrch Dyletswydd Gofal',
}

export const callCopy: { en: CallCopy; cy: CallCopy } = { en, cy }

/** A message with its {placeholders} filled in; a placeholder with no value is left as it is. */
export function fillCopy(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w{1,20})\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole))
}
