// Examples for the API docs: login, tokens and the profile, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const authExamples = {
  config: {
    responses: {
      200: {
        appId: 'wx-test-ysx',
        authorizeUrl: 'http://127.0.0.1:44129/connect/oauth2/authorize',
      },
    },
  },
  login: {
    body: {
      code: '9235d524cfa35c9baca79f7d17349646',
    },
    responses: {
      200: {
        accessToken:
          'eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImhzLWUwNzNlZWUwOTdkZiJ9.eyJzdWIiOiI0NTg5YTFmNy0yMzNkLTRkMGUtOWUwMy1jM2Q3YTlhZjczOGIiLCJzaWQiOiJjMjZkYzVmYi1kMTUzLTQ2ZmYtOGY4NC03ODhlZTc5MDA0ZTUiLCJqdGkiOiJkMDdlM2UyYi1kZjQ3LTQxOTEtYTY4Yi0wNzVlZWI5ZjA1NmIiLCJhdWQiOiJ5c3gtbWluaWFwcCIsImlzcyI6InlzeC1iZmYiLCJpYXQiOjE3OTYyMzg1NDYsImV4cCI6MTc5NjIzOTQ0Nn0.NUSLHd-8Vnq6jPg7tMcJkqurrH5zEYSHpkMjj4J6zKw',
        accessExpiresIn: 900,
        refreshToken: '8zix7mx7DwTg9Pz7GEVYVLgqbXw9M7DqWm41iKqFvus',
        refreshExpiresIn: 604800,
        profile: {
          userId: '4589a1f7-233d-4d0e-9e03-c3d7a9af738b',
          level: 'basic',
          name: null,
          idNumber: null,
          phone: null,
          realNameAt: null,
          lastFaceVerifiedAt: null,
        },
      },
    },
  },
  refresh: {
    body: {
      refreshToken: '8zix7mx7DwTg9Pz7GEVYVLgqbXw9M7DqWm41iKqFvus',
    },
    responses: {
      200: {
        accessToken:
          'eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImhzLWUwNzNlZWUwOTdkZiJ9.eyJzdWIiOiI0NTg5YTFmNy0yMzNkLTRkMGUtOWUwMy1jM2Q3YTlhZjczOGIiLCJzaWQiOiJjMjZkYzVmYi1kMTUzLTQ2ZmYtOGY4NC03ODhlZTc5MDA0ZTUiLCJqdGkiOiIyODJmYTM1Yy04N2NhLTQ3NTgtODk2Ni0xNmYxNzVkMWY5MmUiLCJhdWQiOiJ5c3gtbWluaWFwcCIsImlzcyI6InlzeC1iZmYiLCJpYXQiOjE3OTYyMzg1NDYsImV4cCI6MTc5NjIzOTQ0Nn0.AwWwKo9NRZWVJKMGTPVM_qGM0E2_he6H6vQo1SFdaCI',
        accessExpiresIn: 900,
        refreshToken: 'Jq8HKbi4BvwP7wRgF9GeZlCqSOoCMgvYyhn9oWVkd0w',
        refreshExpiresIn: 604800,
      },
    },
  },
  me: {
    responses: {
      200: {
        userId: 'fe6abadf-045e-46d9-85f1-2dbd2e415cbc',
        level: 'real_name',
        name: '*燕',
        idNumber: '441***********0545',
        phone: '152****5045',
        realNameAt: '2026-12-02T19:09:07.118Z',
        lastFaceVerifiedAt: '2026-12-02T19:09:07.241Z',
      },
    },
  },
  revealIdNumber: {
    responses: {
      200: {
        idNumber: '441302198512130545',
      },
    },
  },
  logout: {},
} satisfies Record<string, RouteExamples>
