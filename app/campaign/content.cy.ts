// The campaign's words in Welsh: the twin of ./content.ts, shape for shape (a missing part is a type error).
// ============================================================================================================
//   AWAITING REVIEW BY A WELSH SPEAKER BEFORE LAUNCH. Written by the campaign team; not yet checked by a
//   fluent or professional Welsh translator. The NSPCC figures are the same numbers as in English.
// ============================================================================================================
import { asks as englishAsks, campaign as englishCampaign, figures as englishFigures, type Ask, type Figure, type HelpLineWords } from './content'

export const awaitingWelshReview = true

export const campaign = {
  ...englishCampaign,
  name: 'Dyletswydd Gofal',
  title: 'Gwneud cwmnïau technoleg yn gyfrifol am gadw plant yn ddiogel ar-lein',
  petitionTarget: 'Brif Weinidog y DU',
  petitionText:
    'Rydym yn galw ar Brif Weinidog y DU i gyhoeddi map ffordd o fewn wythnosau ac i basio Bil Niwed Ar-lein o fewn 18 mis sy’n rhoi Dyletswydd Gofal gyfreithiol ar gwmnïau technoleg, wedi’i gorfodi gan reoleiddiwr sydd â’r pŵer i’w dirwyo, i ymchwilio iddynt ac i’w gorfodi i ddweud wrth y cyhoedd pan fydd plant wedi’u rhoi mewn perygl.',
  source: {
    ...englishCampaign.source,
    detail: 'ffigurau a gafodd yr NSPCC drwy geisiadau rhyddid gwybodaeth i heddluoedd, a gyhoeddwyd ar 29 Mai 2020',
  },
}

const welshAsks: Record<string, Omit<Ask, 'id'>> = {
  'duty-of-care': {
    title: 'Dyletswydd Gofal gyfreithiol',
    summary:
      'Rhaid i gwmnïau technoleg, yn ôl y gyfraith, ddod o hyd i’r risgiau y gallant eu rhagweld yn rhesymol y mae eu platfformau’n eu hachosi, a’u lleihau — gan ddechrau pan gaiff cynnyrch ei ddylunio, nid ar ôl i blant gael eu niweidio.',
  },
  regulator: {
    title: 'Rheoleiddiwr â dannedd',
    summary:
      'Rheoleiddiwr annibynnol sy’n gallu dirwyo cwmni hyd at 4% o’i drosiant byd-eang, fel y mae cyfraith diogelu data eisoes yn ei ganiatáu, ac sy’n gallu dal cyfarwyddwyr a enwir yn atebol yn droseddol am y methiannau gwaethaf.',
  },
  investigate: {
    title: 'Pŵer i ymchwilio',
    summary: 'Rhaid i’r rheoleiddiwr allu edrych y tu mewn i’r cwmnïau hyn a’u gorfodi i roi gwybodaeth.',
  },
  transparency: {
    title: 'Gonestrwydd yn ôl y gyfraith',
    summary:
      'Rhaid i blatfformau fod o dan rwymedigaeth gyfreithiol i ddatgelu pan fyddant yn torri eu Dyletswydd Gofal a phan fyddant yn gwneud newidiadau mawr i’r ffordd y mae eu cynhyrchion yn gweithio.',
  },
}

export const asks: Ask[] = englishAsks.map((ask) => ({ id: ask.id, ...welshAsks[ask.id] }))

export const timingAsk = {
  title: 'Dim mwy o oedi: map ffordd nawr, y gyfraith o fewn 18 mis',
  summary:
    'Addawodd y Papur Gwyn ar Niwed Ar-lein reoleiddio annibynnol, ond roedd ymateb llawn y llywodraeth yn llithro o hyd ac efallai na fyddai rheoleiddiwr yn bodoli cyn 2023. Rydym yn gofyn i Brif Weinidog y DU gyhoeddi amserlen a chael y Bil drwy’r Senedd o fewn 18 mis.',
}

/** The same figures, in the same order: only the words around them are Welsh. */
const welshFigureWords: Omit<Figure, 'value'>[] = [
  {
    label: 'o droseddau cyfathrebu rhywiol â phlentyn a gofnodwyd gan yr heddlu yng Nghymru a Lloegr ar ôl i’r drosedd gael ei chreu.',
    period: 'Ebrill 2017 i Hydref 2019',
  },
  { label: 'o’r troseddau hynny a gofnodwyd yn chwe mis olaf y cyfnod hwnnw — roedd y broblem yn tyfu’n gyflymach.', period: 'Mai i Hydref 2019' },
  {
    label: 'o achosion lle nododd yr heddlu sut y cafodd plentyn ei baratoi at ddibenion rhyw yn ymwneud ag apiau sy’n eiddo i Facebook: Facebook, Messenger, Instagram neu WhatsApp.',
    period: 'Ebrill 2017 i Hydref 2019',
  },
  {
    label: 'o weithiau y defnyddiwyd apiau sy’n eiddo i Facebook lle cofnodwyd y dull — tua hanner ohonynt ar Instagram.',
    period: 'Ebrill 2017 i Hydref 2019',
  },
  { label: 'o weithiau y defnyddiwyd Snapchat lle cofnodwyd y dull.', period: 'Ebrill 2017 i Hydref 2019' },
  {
    label: 'o’r 441 o droseddau meithrin perthynas amhriodol ar-lein a gofnodwyd yn Nyffryn Tafwys dros dair blynedd a ddigwyddodd ar apiau sy’n eiddo i Facebook.',
    period: 'tair blynedd, cyhoeddwyd Mai 2020',
  },
]

export const figures: Figure[] = englishFigures.map((figure, i) => ({ value: figure.value, ...welshFigureWords[i] }))

export const story = {
  contentNote: 'Nodyn cynnwys: mae’r stori hon yn disgrifio meithrin perthynas amhriodol ar-lein â phlentyn a’i cham-drin yn rhywiol.',
  namesNote: 'Mae’r enwau wedi’u newid i ddiogelu’r teulu.',
  paragraphs: [
    'Roedd “Emily” yn 13 oed. Ar Facebook a Snapchat bu’n cyfnewid negeseuon a lluniau â dyn yr oedd hi’n credu ei fod yn 15 oed. Roedd e’n 24, ac aeth ymlaen i’w cham-drin yn rhywiol.',
    'Mae cwestiwn ei mam yn syml: mae’n rhaid i bob busnes arall sy’n gwasanaethu plant gymryd gofal i’w cadw’n ddiogel — pam mae rhwydweithiau cymdeithasol yn eithriad?',
  ],
}

export const context =
  'Pan gaeodd ysgolion yn ystod pandemig y coronafeirws, treuliodd plant lawer mwy o’u bywydau ar-lein. Rhybuddiodd yr NSPCC fod hyn yn creu’r amodau delfrydol i gamdrinwyr ar blatfformau nad oeddent erioed wedi cynnwys amddiffyniadau sylfaenol i blant yn eu dyluniad.'

/** The help lines' default wording in Welsh (the numbers are the same: ./content.ts helpLineContacts). */
export const helpLineWords: HelpLineWords = {
  heading: 'Os yw hyn yn effeithio arnoch chi, mae help ar gael',
  intro: 'Gall siarad â rhywun helpu, p’un a ydych yn poeni am blentyn neu’n berson ifanc sydd angen cymorth.',
  nspccName: 'Llinell Gymorth yr NSPCC',
  nspccFor: 'i oedolion sy’n poeni am blentyn',
  childlineName: 'Childline',
  childlineFor: 'i blant a phobl ifanc, am ddim ac yn gyfrinachol',
}
