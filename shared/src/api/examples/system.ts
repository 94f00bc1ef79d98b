// Examples for the API docs: the probes, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const systemExamples = {
  health: {
    responses: {
      200: {
        status: 'ok',
        uptimeSeconds: 10.0322008,
      },
    },
  },
  ready: {
    responses: {
      200: {
        status: 'ready',
        checks: {
          database: 'ok',
        },
      },
    },
  },
} satisfies Record<string, RouteExamples>
