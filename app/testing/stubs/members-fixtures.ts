// Current MPs the Members API stub knows: real members elected in 2024 for the
// seats in postcodes-fixtures.ts and some neighbours (UK Parliament data, Open
// Parliament Licence). Enough of them to need two pages of /Members/Search.
//
// Two departures from real life, on purpose:
// - Chesham and Amersham (HP6 5AA) has no member here: the stub's vacant seat.
// - Sir Mark Hendrick (Preston) really lists no email address: the member without one (and, here, no phone).
// Phone numbers are the Commons switchboard or Ofcom's numbers reserved for drama (0118 496 0xxx, 020 7946 0xxx,
// 07700 900xxx), never a real office's, typed in the shapes offices use.
export interface MemberFixture {
  id: number
  nameDisplayAs: string
  nameFullTitle: string
  party: string
  constituency: string
  /** The Parliamentary office email; null = the member lists none. */
  email: string | null
  /** The Parliamentary office's `phone` as the API gives it (free text); default the Commons switchboard, null = none. */
  westminsterPhone?: string | null
  /** The constituency office's `phone` as the API gives it; default none. */
  constituencyPhone?: string | null
}

export const memberFixtures: MemberFixture[] = [
  { id: 4654, nameDisplayAs: 'Matt Rodda', nameFullTitle: 'Matt Rodda MP', party: 'Labour', constituency: 'Reading Central', email: 'matt.rodda.mp@parliament.uk', constituencyPhone: '0118 496 0123' },
  { id: 5257, nameDisplayAs: 'Rachel Blake', nameFullTitle: 'Rachel Blake MP', party: 'Labour (Co-op)', constituency: 'Cities of London and Westminster', email: 'rachel.blake.mp@parliament.uk', westminsterPhone: '020 7219 6000', constituencyPhone: 'Tel: (020) 7946 0018 / 07700 900123' },
  { id: 5173, nameDisplayAs: 'Alex Baker', nameFullTitle: 'Alex Baker MP', party: 'Labour', constituency: 'Aldershot', email: 'alex.baker.mp@parliament.uk' },
  { id: 5343, nameDisplayAs: 'Mr Joshua Reynolds', nameFullTitle: 'Mr Joshua Reynolds MP', party: 'Liberal Democrat', constituency: 'Maidenhead', email: 'joshua.reynolds.mp@parliament.uk' },
  { id: 467, nameDisplayAs: 'Sir Lindsay Hoyle', nameFullTitle: 'Rt Hon Sir Lindsay Hoyle MP', party: 'Speaker', constituency: 'Chorley', email: 'lindsay.hoyle.mp@parliament.uk' },
  { id: 3966, nameDisplayAs: 'Ian Murray', nameFullTitle: 'Rt Hon Ian Murray MP', party: 'Labour', constituency: 'Edinburgh South', email: 'ian.murray.mp@parliament.uk' },
  { id: 4425, nameDisplayAs: 'Jo Stevens', nameFullTitle: 'Rt Hon Jo Stevens MP', party: 'Labour', constituency: 'Cardiff East', email: 'jo.stevens.mp@parliament.uk' },
  { id: 4827, nameDisplayAs: 'Claire Hanna', nameFullTitle: 'Claire Hanna MP', party: 'Social Democratic & Labour Party', constituency: 'Belfast South and Mid Down', email: 'claire.hanna.mp@parliament.uk' },
  { id: 473, nameDisplayAs: 'Sir Mark Hendrick', nameFullTitle: 'Sir Mark Hendrick MP', party: 'Labour (Co-op)', constituency: 'Preston', email: null, westminsterPhone: null },
  { id: 5074, nameDisplayAs: 'Mr Paul Foster', nameFullTitle: 'Mr Paul Foster MP', party: 'Labour', constituency: 'South Ribble', email: 'paul.foster.mp@parliament.uk' },
  { id: 5340, nameDisplayAs: 'Jack Rankin', nameFullTitle: 'Jack Rankin MP', party: 'Conservative', constituency: 'Windsor', email: 'jack.rankin.mp@parliament.uk' },
  { id: 4759, nameDisplayAs: 'Joy Morrissey', nameFullTitle: 'Joy Morrissey MP', party: 'Conservative', constituency: 'Beaconsfield', email: 'joy.morrissey.mp@parliament.uk' },
  { id: 5165, nameDisplayAs: 'Peter Swallow', nameFullTitle: 'Peter Swallow MP', party: 'Labour', constituency: 'Bracknell', email: 'peter.swallow.mp@parliament.uk' },
  { id: 5267, nameDisplayAs: 'Yuan Yang', nameFullTitle: 'Yuan Yang MP', party: 'Labour', constituency: 'Earley and Woodley', email: 'yuan.yang.mp@parliament.uk' },
  { id: 5351, nameDisplayAs: 'Gregory Stafford', nameFullTitle: 'Gregory Stafford MP', party: 'Conservative', constituency: 'Farnham and Bordon', email: 'greg.stafford.mp@parliament.uk' },
  { id: 5296, nameDisplayAs: 'Freddie van Mierlo', nameFullTitle: 'Freddie van Mierlo MP', party: 'Liberal Democrat', constituency: 'Henley and Thame', email: 'freddie.vanmierlo.mp@parliament.uk' },
  { id: 4514, nameDisplayAs: 'Sir Keir Starmer', nameFullTitle: 'Rt Hon Sir Keir Starmer MP', party: 'Labour', constituency: 'Holborn and St Pancras', email: 'keir.starmer.mp@parliament.uk' },
  { id: 5229, nameDisplayAs: 'Joe Powell', nameFullTitle: 'Joe Powell MP', party: 'Labour', constituency: 'Kensington and Bayswater', email: 'joe.powell.mp@parliament.uk' },
  { id: 4778, nameDisplayAs: 'Greg Smith', nameFullTitle: 'Greg Smith MP', party: 'Conservative', constituency: 'Mid Buckinghamshire', email: 'greg.smith.mp@parliament.uk' },
  { id: 5310, nameDisplayAs: 'Mr Lee Dillon', nameFullTitle: 'Mr Lee Dillon MP', party: 'Liberal Democrat', constituency: 'Newbury', email: 'lee.dillon.mp@parliament.uk' },
  { id: 5337, nameDisplayAs: 'Olivia Bailey', nameFullTitle: 'Olivia Bailey MP', party: 'Labour', constituency: 'Reading West and Mid Berkshire', email: 'olivia.bailey.mp@parliament.uk' },
  { id: 4638, nameDisplayAs: 'Mr Tanmanjeet Singh Dhesi', nameFullTitle: 'Mr Tanmanjeet Singh Dhesi MP', party: 'Labour', constituency: 'Slough', email: 'tan.dhesi.mp@parliament.uk' },
  { id: 5207, nameDisplayAs: 'Clive Jones', nameFullTitle: 'Clive Jones MP', party: 'Liberal Democrat', constituency: 'Wokingham', email: 'clive.jones.mp@parliament.uk' },
  { id: 4360, nameDisplayAs: 'Gavin Robinson', nameFullTitle: 'Rt Hon Gavin Robinson MP', party: 'Democratic Unionist Party', constituency: 'Belfast East', email: 'gavin.robinson.mp@parliament.uk' },
  { id: 4823, nameDisplayAs: 'John Finucane', nameFullTitle: 'John Finucane MP', party: 'Sinn Féin', constituency: 'Belfast North', email: 'john.finucane.mp@parliament.uk' },
  { id: 4245, nameDisplayAs: 'Paul Maskey', nameFullTitle: 'Paul Maskey MP', party: 'Sinn Féin', constituency: 'Belfast West', email: 'paul.maskey.mp@parliament.uk' },
  { id: 5188, nameDisplayAs: 'Tracy Gilbert', nameFullTitle: 'Tracy Gilbert MP', party: 'Labour', constituency: 'Edinburgh North and Leith', email: 'tracy.gilbert.mp@parliament.uk' },
  { id: 5212, nameDisplayAs: 'Dr Scott Arthur', nameFullTitle: 'Dr Scott Arthur MP', party: 'Labour', constituency: 'Edinburgh South West', email: 'scott.arthur.mp@parliament.uk' },
  { id: 4264, nameDisplayAs: 'Stephen Doughty', nameFullTitle: 'Stephen Doughty MP', party: 'Labour (Co-op)', constituency: 'Cardiff South and Penarth', email: 'stephen.doughty.mp@parliament.uk' },
  { id: 5175, nameDisplayAs: 'Mr Alex Barros-Curtis', nameFullTitle: 'Mr Alex Barros-Curtis MP', party: 'Labour', constituency: 'Cardiff West', email: 'alex.barroscurtis.mp@parliament.uk' },
]
