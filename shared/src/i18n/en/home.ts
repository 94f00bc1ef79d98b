// en: the home page and its dashboard.
import type { Catalogue } from '../zh-CN'

export const home: Catalogue['home'] = {
  greeting: 'Welcome to Yue Sheng Shi',
  searchPlaceholder: 'Search services, e.g. “social insurance”',
  quickEntries: 'Popular services',
  healthCode: 'Health Code',
  socialSecurity: 'Social insurance',
  medicalInsurance: 'Medical insurance',
  housingFund: 'Housing fund',
  trafficViolations: 'Traffic offences',
  notice: 'This app is an open-source demo. All data is simulated.',
  signInHint: 'Sign in to see your certificates, social insurance, medical insurance and housing fund here',
  realNameHint:
    'Verify your identity to see your certificates, social insurance, medical insurance and housing fund here',
  signIn: 'Sign in',
  verify: 'Verify identity',
}

export const dashboard: Catalogue['dashboard'] = {
  title: 'My overview',
  cards: 'My certificates',
  cardCount: '{{count}} in total',
  noCards: 'No e-certificates yet',
  issuersUnavailable: '{{departments}} cannot be reached at the moment; some certificates are not shown',
  socialSecurity: 'Social insurance',
  monthsPaid: '{{count}} months paid',
  recentMonths: 'Last 24 months',
  lastPaidMonth: 'Last payment: {{month}}',
  arrears: '{{count}} months in arrears',
  medicalInsurance: 'Medical insurance balance',
  housingFund: 'Housing fund balance',
  violations: 'Traffic offences',
  unpaid: '{{count}} unresolved',
  unpaidFines: 'Fines {{amount}}',
  noViolations: 'No unresolved offences',
  healthCode: 'Health code',
  healthColors: { green: 'Green', yellow: 'Yellow', red: 'Red' },
  noRecord: 'No record yet',
  view: 'View',
}
