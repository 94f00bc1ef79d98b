// Department contracts (BFF ↔ departments).
export * from './common'
export * from './gongan'
