// @ysx/shared: zod contracts, error codes, domain primitives and the i18n catalogues. zod itself, configured, is
// @ysx/shared/z (not re-exported here: a bundle that takes only text or a helper from this entry does not load zod). The device-bound credential
// format is its own entry, @ysx/shared/credential (it brings @noble/curves, which the mini-program's first load
// must not carry). Imports only zod and @noble/curves / @noble/hashes (pure JavaScript: both builds and the BFF).
export * from './contract'
export * from './errors'
export * from './domain/id-number'
export * from './domain/phone'
export * from './domain/name'
export * from './domain/mask'
export * from './domain/redact'
export * from './domain/uscc'
export * from './domain/divisions'
export * from './domain/china-time'
export * from './i18n'
export * from './api'
export * from './departments'
