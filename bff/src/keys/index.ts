// Keys: the ES256 key ring for artifacts third parties verify (rotation with overlap, sealed private keys) and the
// JWKS route. Public entry: the service other capabilities sign and verify with, and the routes plugin.
export { createKeyService, type KeyService, type KeySettings } from './key-service'
export { default } from './routes'
