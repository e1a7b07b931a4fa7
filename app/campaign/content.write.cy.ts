// The campaign's letter template and call script in Welsh: the defaults until an admin saves their own on
// /admin/letter-template and /admin/call-script (decision 112). Written by the team:
// AWAITING REVIEW BY A WELSH SPEAKER BEFORE LAUNCH. The figures are the NSPCC's, the same as in English.

export const defaultLetterTemplateCy = {
  subjects: [
    'Cefnogwch Ddyletswydd Gofal gyfreithiol i gadw plant yn ddiogel ar-lein',
    'Mae etholwr yn {{constituency}} yn gofyn i chi gefnogi Bil Niwed Ar-lein',
    'A wnewch chi bwyso am y Bil Niwed Ar-lein heb oedi pellach?',
    'Diogelwch plant ar-lein: gwneud cwmnïau technoleg yn gyfrifol',
  ],
  body: `Annwyl {{mp_name}},

Rwy’n byw yn {{town}}, yn eich etholaeth chi, {{constituency}}, ac rwy’n ysgrifennu i ofyn i chi bwyso ar y llywodraeth am Fil Niwed Ar-lein sy’n rhoi Dyletswydd Gofal gyfreithiol ar gwmnïau technoleg.

Gofynnodd yr NSPCC i heddluoedd am eu ffigurau. Yn y ddwy flynedd a hanner ar ôl i gyfathrebu rhywiol â phlentyn ddod yn drosedd ym mis Ebrill 2017, cofnododd yr heddlu yng Nghymru a Lloegr fwy na 10,000 o droseddau o’r fath hyd at fis Hydref 2019, a daeth bron i chwarter ohonynt yn y chwe mis rhwng mis Mai a mis Hydref 2019. Lle nododd yr heddlu sut y cafodd plentyn ei baratoi, roedd mwy na hanner yr achosion yn ymwneud ag apiau sy’n eiddo i Facebook.

Mae’n rhaid i bob busnes arall sy’n gwasanaethu plant ofalu eu bod yn ddiogel. Ni ddylai rhwydweithiau cymdeithasol fod yn eithriad. Hoffwn i’r gyfraith:
- ei gwneud yn ofynnol i gwmnïau technoleg ganfod a lleihau’r risgiau y mae eu platfformau yn eu peri i blant, o’r eiliad y caiff cynnyrch ei ddylunio;
- sefydlu rheoleiddiwr a all ddirwyo cwmnïau hyd at 4% o’u trosiant byd-eang a dwyn cyfarwyddwyr a enwir i gyfrif am y methiannau gwaethaf;
- rhoi’r pŵer i’r rheoleiddiwr hwnnw ymchwilio i gwmnïau a mynnu gwybodaeth ganddynt;
- gwneud i gwmnïau ddweud wrth y cyhoedd pan fyddant yn torri eu dyletswydd neu’n gwneud newidiadau mawr i’w platfformau.

Gofynnwch i Brif Weinidog y DU gyhoeddi amserlen nawr a phasio’r gyfraith hon o fewn 18 mis, a rhowch wybod i mi beth y byddwch yn ei wneud.

Yn gywir,
{{name}}`,
  prompts: [
    'Pam mae hyn yn bwysig i chi? Efallai eich bod yn rhiant, yn nain neu’n daid, yn athro — neu’n cofio bod yn eich arddegau ar-lein eich hun.',
    'Unrhyw beth am eich ardal? Mae ysgol, clwb neu stori newyddion leol yn gwneud eich llythyr yn un na allai neb arall fod wedi’i ysgrifennu.',
    'Beth hoffech chi i’ch AS ei wneud? Mae cwestiwn uniongyrchol (“A wnewch chi ysgrifennu at y gweinidog?”) yn gwneud ateb yn fwy tebygol.',
  ],
}

export const defaultCallScriptCy = `Helo, fy enw i yw [eich enw] ac rwy’n byw yn {{constituency}}. Fy nghod post yw [eich cod post].

Rwy’n ffonio i ofyn i {{mp_name}} gefnogi Bil Niwed Ar-lein sy’n rhoi Dyletswydd Gofal gyfreithiol ar gwmnïau technoleg i gadw plant yn ddiogel ar-lein.

Cofnododd yr heddlu yng Nghymru a Lloegr fwy na 10,000 o droseddau o gyfathrebu rhywiol â phlentyn mewn dwy flynedd a hanner. Mae’n rhaid i bob busnes arall sy’n gwasanaethu plant ofalu eu bod yn ddiogel; ni ddylai rhwydweithiau cymdeithasol fod yn eithriad.

A wnaiff {{mp_name}} ofyn i Brif Weinidog y DU gyhoeddi amserlen a phasio’r gyfraith hon o fewn 18 mis? Rhowch wybod i mi beth fydd {{mp_name}} yn ei wneud. Diolch.`
