// What the client itself checks with zod (the error envelope, the token refresh), loaded when first needed: a page that
// has made no call yet, such as the home page at its first paint, does not wait for zod and the contracts.
export { authContracts, ErrorEnvelopeSchema } from '@ysx/shared'
