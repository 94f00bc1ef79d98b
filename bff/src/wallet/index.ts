// Wallet (卡包): the citizen's certificates from every issuing department, masked; one card's detail; the step-up
// full view. Public entry: the service other capabilities read certificates through, and the routes plugin.
export type { CertificateFetch, FetchOptions, IssuedCertificate } from './certificates'
export { createWalletService, type WalletService } from './wallet-service'
export { default } from './routes'
