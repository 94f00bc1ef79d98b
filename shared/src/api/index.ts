// Every BFF route contract, in one record: the BFF binds each of these and the client is typed by them.
import { authContracts } from './auth'
import { faceContracts } from './face'
import { feedbackContracts } from './feedback'
import { systemContracts } from './system'

export const bffContracts = {
  system: systemContracts,
  auth: authContracts,
  face: faceContracts,
  feedback: feedbackContracts,
} as const

export * from './auth'
export * from './face'
export * from './feedback'
export * from './system'
