// Postcodes the stubs know, with their real 2024 constituencies and ONS codes
// (UK Parliament data, Open Parliament Licence).
export interface PostcodeFixture {
  postcode: string
  constituency: string | null
  code: string | null
  country: string
  district: string
}

export const postcodeFixtures: PostcodeFixture[] = [
  { postcode: 'RG1 1AA', constituency: 'Reading Central', code: 'E14001438', country: 'England', district: 'Reading' },
  { postcode: 'RG1 2LU', constituency: 'Reading Central', code: 'E14001438', country: 'England', district: 'Reading' },
  { postcode: 'SW1A 1AA', constituency: 'Cities of London and Westminster', code: 'E14001172', country: 'England', district: 'Westminster' },
  { postcode: 'GU11 1AA', constituency: 'Aldershot', code: 'E14001063', country: 'England', district: 'Rushmoor' },
  { postcode: 'HP6 5AA', constituency: 'Chesham and Amersham', code: 'E14001162', country: 'England', district: 'Buckinghamshire' },
  { postcode: 'SL6 1AA', constituency: 'Maidenhead', code: 'E14001348', country: 'England', district: 'Windsor and Maidenhead' },
  { postcode: 'PR7 1DP', constituency: 'Chorley', code: 'E14001170', country: 'England', district: 'Chorley' },
  { postcode: 'EH10 4BF', constituency: 'Edinburgh South', code: 'S14000080', country: 'Scotland', district: 'City of Edinburgh' },
  { postcode: 'CF24 0AA', constituency: 'Cardiff East', code: 'W07000089', country: 'Wales', district: 'Cardiff' },
  { postcode: 'BT7 1NN', constituency: 'Belfast South and Mid Down', code: 'N05000003', country: 'Northern Ireland', district: 'Belfast' },
  // Crown Dependencies: a real postcode, but no Westminster constituency.
  { postcode: 'JE2 3AB', constituency: null, code: null, country: 'Channel Islands', district: 'Jersey' },
]
