// One realistic set of data for every email template, with the longest links the app sends
// (a 43-character token under a long APP_URL): the phone-width and footer tests render each.
import type { TemplateName, TemplateProps } from './templates.server'

const base = 'https://act.duty-of-care-campaign.example.org.uk'
const token = 'Zk3q9VtY2xWcB7mNpL0aRsD4fGhJ6kEuT8iOyQ1w5zX'
const letter = {
  sender: ['Priya Shah', '12 Long Street', 'Reading', 'RG1 1AA', 'priya.shah@example.org'],
  body: `Dear Matt Rodda,\n\nI am writing as your constituent to ask you to support an Online Harms Bill with a legal Duty of Care.\n\nSee ${base}/a-very-long-path/that-keeps-going-without-any-spaces-at-all-so-it-must-wrap-${token}\n\nYours sincerely,\nPriya Shah`,
  footer: 'Sent through the Duty of Care campaign website. Reply to this email to reach Priya directly.',
}

export const emailSamples: { [T in TemplateName]: TemplateProps<T> } = {
  'signature-confirmation': { name: 'Priya Shah', confirmUrl: `${base}/petition/confirm/${token}`, privacyUrl: `${base}/privacy` },
  'already-signed': { name: 'Priya Shah', writeUrl: `${base}/write` },
  'campaign-update': {
    subject: 'We reached 100,000 signatures',
    bodyMarkdown: `Thank you.\n\n- Share the petition: ${base}/?utm_source=update&utm_medium=email&utm_campaign=a-long-campaign-name-${token}\n- [Email your MP](${base}/write)`,
    unsubscribeUrl: `${base}/unsubscribe/${token}`,
    privacyUrl: `${base}/privacy`,
  },
  'data-request': { dataUrl: `${base}/my-data/${token}`, validHours: 24 },
  'letter-confirmation': { name: 'Priya Shah', mpName: 'Matt Rodda', constituency: 'Reading Central', confirmUrl: `${base}/write/confirm/${token}`, linkDays: 7 },
  'letter-already-sent': { name: 'Priya Shah', mpName: 'Matt Rodda' },
  'letter-to-mp': { letter },
  'letter-copy': { name: 'Priya Shah', mpName: 'Matt Rodda', subject: 'Please back an Online Harms Bill', letter },
  'reply-survey': {
    name: 'Priya Shah',
    mpName: 'Matt Rodda',
    repliedUrl: `${base}/write/reply/${token}?answer=replied`,
    acknowledgedUrl: `${base}/write/reply/${token}?answer=acknowledged`,
    noReplyUrl: `${base}/write/reply/${token}?answer=none`,
  },
  'mp-briefing': {
    subject: '1,204 of your constituents in Reading Central back a Duty of Care',
    bodyMarkdown: `Dear {{mp_name}},\n\n**{{signatures}}** people in {{constituency}} have signed. {{constituency}} is {{rank}}.\n{{asks}}\nSee ${base}/a-very-long-path/that-keeps-going-without-any-spaces-at-all-so-it-must-wrap-${token} and {{seat_url}}`,
    values: { mpName: 'Matt Rodda', constituency: 'Reading Central', signatures: 1204, letters: 312, rank: 12, tied: false, seatCount: 650, seatUrl: `${base}/map/E14001438` },
  },
}
