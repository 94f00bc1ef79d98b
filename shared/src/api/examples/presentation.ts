// Examples for the API docs: 亮证 and 核验, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const presentationExamples = {
  issue: {
    params: {
      id: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
    },
    body: {
      profile: 'hotel',
      deviceKey: {
        kty: 'EC',
        x: '4F_Pa8zNIe8K7uNLbXabMgZdLNDV1uk19l_pbAAMd5Q',
        y: 'Utl0rgDObOgw5--qSEt6QIHfPKenMXNya4wWWwkGK_o',
        crv: 'P-256',
      },
    },
    responses: {
      201: {
        credential:
          'eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC12YyIsImtpZCI6ImVzLUhVQS14LUVrdnVVbTNEeVQifQ.eyJjIjoiWUZUaUpwcWRFN2s2ckN4N3VYV2pXQSIsInQiOiJpZF9jYXJkIiwicCI6ImhvdGVsIiwiZCI6eyJuIjoi6buE54eVIiwibDQiOiIwNTQ1In0sImsiOnsieCI6IjRGX1BhOHpOSWU4Szd1TkxiWGFiTWdaZExORFYxdWsxOWxfcGJBQU1kNVEiLCJ5IjoiVXRsMHJnRE9iT2d3NS0tcVNFdDZRSUhmUEtlbk1YTnlhNHdXV3drR0tfbyJ9LCJlIjoxNzk2MzI0OTQ3LCJpIjoxNzk2MjM4NTQ3fQ.AKB38ZQ4t-jljuEua7S3HukD8G1_fdQpuoKKvJc_ZkdAPbK4lmwhDwX3Sl32DG-2062lB8wzMyvaZXOg2iS0Tg',
        credentialId: 'YFTiJpqdE7k6rCx7uXWjWA',
        profile: 'hotel',
        disclosed: {
          name: '黄燕',
          idNumberLast4: '0545',
        },
        expiresAt: '2026-12-03T19:09:07.000Z',
      },
    },
  },
  verify: {
    body: {
      presentation:
        'eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC12YyIsImtpZCI6ImVzLUhVQS14LUVrdnVVbTNEeVQifQ.eyJjIjoiWUZUaUpwcWRFN2s2ckN4N3VYV2pXQSIsInQiOiJpZF9jYXJkIiwicCI6ImhvdGVsIiwiZCI6eyJuIjoi6buE54eVIiwibDQiOiIwNTQ1In0sImsiOnsieCI6IjRGX1BhOHpOSWU4Szd1TkxiWGFiTWdaZExORFYxdWsxOWxfcGJBQU1kNVEiLCJ5IjoiVXRsMHJnRE9iT2d3NS0tcVNFdDZRSUhmUEtlbk1YTnlhNHdXV3drR0tfbyJ9LCJlIjoxNzk2MzI0OTQ3LCJpIjoxNzk2MjM4NTQ3fQ.AKB38ZQ4t-jljuEua7S3HukD8G1_fdQpuoKKvJc_ZkdAPbK4lmwhDwX3Sl32DG-2062lB8wzMyvaZXOg2iS0Tg~eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC1rYiJ9.eyJpIjoxNzk2MjM4NTQ3LCJqIjoiNXBCbGdJOWM1aDl4IiwiaCI6InBBYXFqMmlxT3dEUWxvb2V1N1hsMUEifQ.ZG2I3RhQyM_u2BYWjsa4I0VowkUwiRbwgS5bdfExjZ0uIjxsMGFJLR0jI4gib0MvpArLILcWGwSXPnC4sV25lg',
    },
    responses: {
      200: {
        valid: true,
        type: 'id_card',
        title: '居民身份证',
        profile: 'hotel',
        disclosed: {
          name: '黄燕',
          idNumberLast4: '0545',
        },
        presentedAt: '2026-12-02T19:09:07.000Z',
        checks: ['signature', 'device', 'freshness', 'status', 'replay'],
      },
    },
  },
  log: {
    params: {
      id: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
    },
    responses: {
      200: {
        entries: [
          {
            profile: 'hotel',
            verifiedAt: '2026-12-02T19:09:07.696Z',
            outcome: 'accepted',
          },
        ],
      },
    },
  },
} satisfies Record<string, RouteExamples>
