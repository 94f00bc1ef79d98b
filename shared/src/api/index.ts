// Every BFF route contract, in one record: the BFF binds each of these and the client is typed by them.
import { authContracts } from './auth'
import { dashboardContracts } from './dashboard'
import { faceContracts } from './face'
import { feedbackContracts } from './feedback'
import { hallContracts } from './hall'
import { healthCodeContracts } from './health-code'
import { keysContracts } from './keys'
import { presentationContracts } from './presentation'
import { privacyContracts } from './privacy'
import { queryContracts } from './queries'
import { systemContracts } from './system'
import { walletContracts } from './wallet'

export const bffContracts = {
  system: systemContracts,
  auth: authContracts,
  face: faceContracts,
  dashboard: dashboardContracts,
  queries: queryContracts,
  keys: keysContracts,
  wallet: walletContracts,
  presentation: presentationContracts,
  healthCode: healthCodeContracts,
  feedback: feedbackContracts,
  hall: hallContracts,
  privacy: privacyContracts,
} as const

export * from './auth'
export * from './dashboard'
export * from './face'
export * from './feedback'
export * from './hall'
export * from './health-code'
export * from './keys'
export * from './presentation'
export * from './privacy'
export * from './queries'
export * from './system'
export * from './wallet'
