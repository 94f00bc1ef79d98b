// en: personal data and privacy — downloading a copy of one's data and closing the account.
import type { Catalogue } from '../zh-CN'

export const privacy: Catalogue['privacy'] = {
  title: 'Personal data and privacy',
  intro:
    'Under the Personal Information Protection Law, you can download a copy of the personal data we hold about you, and you can close your account. Both need a face check first and are recorded in the security audit log.',
  downloadTitle: 'Download my data',
  downloadIntro:
    'Includes your account and identity details, sign-ins, certificate presentations and checks, how your data was used, health and trip declarations, venue check-ins, family members, appeals, feedback and the security audit records about you, as JSON.',
  download: 'Download my data',
  downloading: 'Preparing…',
  downloaded: 'Downloaded: {{file}}',
  saved: 'Saved to: {{file}}',
  closeTitle: 'Close my account',
  closeIntro: 'Once your account is closed, the following cannot be undone:',
  consequences: {
    deleted:
      'Your identity details, sign-ins, certificate presentations and checks, data-use records, health and trip declarations, venue check-ins, family members, appeals and feedback will be deleted',
    familyOf: 'Other users’ records of you as their family member will also be deleted',
    sessions: 'You will be signed out on every device at once',
    audit:
      'Security audit records are kept as the law requires, but no longer linked to you (an anonymous number replaces you)',
    venues: 'Venue codes you registered can still be used for check-ins, but will no longer show who registered them',
    again: 'You can sign in again with the same WeChat account later, but it will be a brand-new account',
  },
  downloadFirst: 'We suggest downloading your data before closing your account.',
  close: 'Close my account',
  closing: 'Closing…',
  confirmTitle: 'Close your account?',
  confirmContent: 'Your personal data will be deleted and cannot be recovered. You will be signed out everywhere.',
  confirm: 'Close account',
  closedTitle: 'Account closed',
  closedContent: 'Your personal data has been deleted. Thank you for using Yue Sheng Shi.',
  ok: 'OK',
  loginFirst: 'Please sign in first',
}
