// Examples for the API docs: the JWKS, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const keysExamples = {
  jwks: {
    responses: {
      200: {
        keys: [
          {
            kty: 'EC',
            crv: 'P-256',
            x: '1DZfLn8ZW7slXrPNvUejcidP3rVc-fJ9F4MYpUpyRwA',
            y: 'Q3evLvaHQoggUyk5uK1haHD7LSGlxJpoVNugp3SwLCg',
            kid: 'es-HUA-x-EkvuUm3DyT',
            alg: 'ES256',
            use: 'sig',
          },
        ],
      },
    },
  },
} satisfies Record<string, RouteExamples>
