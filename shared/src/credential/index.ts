// The device-bound credential and its QR code, one module for the BFF, both verifier pages and the tests: the wire
// format, encoding, ES256 over compact JWS, and the checks any verifier can make with the JWKS alone.
export * from './encoding'
export * from './format'
export * from './jws'
export * from './verify'
