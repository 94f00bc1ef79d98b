// Every BFF route contract, in one record: the BFF binds each of these and the client is typed by them.
import { feedbackContracts } from './feedback'
import { systemContracts } from './system'

export const bffContracts = {
  system: systemContracts,
  feedback: feedbackContracts,
} as const

export * from './feedback'
export * from './system'
