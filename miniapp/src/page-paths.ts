// Page paths for navigation, in one place (app.config.ts registers the same pages).
export const PAGES = {
  me: '/pages/me/index',
  login: '/pages/login/index',
  face: '/pages/face/index',
  feedback: '/pages/feedback/index',
  medicalInsurance: '/pages/medical-insurance/index',
  socialSecurity: '/pages/social-security/index',
  housingFund: '/pages/housing-fund/index',
  violations: '/pages/violations/index',
  dataAccess: '/pages/data-access/index',
  wallet: '/pages/wallet/index',
  walletCard: '/pages/wallet-card/index',
  present: '/pages/present/index',
  verify: '/pages/verify/index',
} as const
