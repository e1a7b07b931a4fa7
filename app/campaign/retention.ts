// How long personal data is kept. The privacy notice and the jobs that delete
// data both read these numbers, so what we say is what we do.
export const retention = {
  /** Signatures and letters never confirmed: deleted when their link expires. */
  unconfirmedDays: 30,
  /** Letter bodies: erased this long after the letter was delivered (the record that it was sent stays). */
  letterBodyDays: 28,
  /** After the campaign closes: names, emails and addresses anonymised, counts kept. */
  afterCloseMonths: 6,
  /** Resend's delivery reports (webhook events, which name the recipient). */
  deliveryReportDays: 30,
  /** Letter confirmation links. */
  letterLinkDays: 7,
}
