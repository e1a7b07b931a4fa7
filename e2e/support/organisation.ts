/** Who runs the campaign, as production requires (decision 094): what the e2e app and its scripts are given. */
export const e2eOrganisation = {
  ORGANISATION_NAME: 'Duty of Care Test Charity',
  ORGANISATION_URL: 'https://charity.example',
  ORGANISATION_ADDRESS: '1 Test Street, London EC2A 3NH',
  CHARITY_NUMBER: '1234567',
  PRIVACY_CONTACT_EMAIL: 'privacy@charity.example',
}
