// Examples for the API docs: the home dashboard, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const dashboardExamples = {
  show: {
    responses: {
      200: {
        generatedAt: '2026-12-02T19:09:07.519Z',
        sections: {
          cards: {
            status: 'ok',
            data: {
              cards: [
                {
                  type: 'id_card',
                  title: '居民身份证',
                  department: 'gongan',
                  status: 'valid',
                  expiryDate: '2036-03-31',
                },
                {
                  type: 'household_register',
                  title: '居民户口簿',
                  department: 'gongan',
                  status: 'valid',
                  expiryDate: null,
                },
              ],
              unavailableFrom: [],
            },
          },
          socialSecurity: {
            status: 'ok',
            data: {
              lastPaidMonth: '2026-10',
              monthsPaid: 23,
              arrearsMonths: 1,
            },
          },
          medicalInsurance: {
            status: 'ok',
            data: {
              balance: 0,
              status: '参保缴费',
            },
          },
          housingFund: {
            status: 'ok',
            data: {
              balance: 52103.04,
              status: '缴存',
            },
          },
          violations: {
            status: 'ok',
            data: {
              unpaidCount: 0,
              unpaidFines: 0,
            },
          },
          healthCode: {
            status: 'ok',
            data: {
              color: 'green',
              lastTestAt: '2026-11-07T14:06:00+08:00',
            },
          },
        },
      },
    },
  },
} satisfies Record<string, RouteExamples>
