// jsdom (the environment of the hook tests) lacks TextEncoder and TextDecoder, which the credential code uses on both
// builds (browsers and WeChat have them): node's, where the environment has none.
import { TextDecoder, TextEncoder } from 'node:util'

Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? TextEncoder,
  TextDecoder: globalThis.TextDecoder ?? TextDecoder,
})
