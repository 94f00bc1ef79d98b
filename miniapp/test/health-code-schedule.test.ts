// hooks/use-health-code.ts: when the QR is signed again (every 30 s), when the code is asked for again (credential or
// evaluation running out, never in a loop), and what the countdown shows.
import { EXPIRY_MARGIN_MS, MIN_REFETCH_MS, type Schedule, scheduleFor, step } from '../src/hooks/use-health-code'
import type { HealthCodeShown } from '../src/services/health-code'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const NOW = Date.UTC(2026, 10, 23, 9)
const iso = (ms: number) => new Date(ms).toISOString()
const HOUR = 3_600_000

function code(overrides: Partial<HealthCodeShown> = {}): HealthCodeShown {
  return {
    holder: 'self',
    maskedName: '*三',
    colour: 'green',
    reasons: [],
    negativeTestWithinHours: 24,
    ruleVersion: '2026.11',
    evaluatedAt: iso(NOW),
    validUntil: iso(NOW + 6 * HOUR),
    credential: 'cred-1',
    credentialExpiresAt: iso(NOW + 24 * HOUR),
    ...overrides,
  }
}

describe('scheduleFor', () => {
  it('signs at once, and asks again when the evaluation ends or a minute before the credential expires, whichever is first', () => {
    expect(scheduleFor(code(), NOW)).toEqual({ signAt: 0, fetchAt: NOW + 6 * HOUR, expiresAt: NOW + 24 * HOUR })
    expect(scheduleFor(code({ validUntil: iso(NOW + 48 * HOUR) }), NOW).fetchAt).toBe(
      NOW + 24 * HOUR - EXPIRY_MARGIN_MS,
    )
  })

  it('never asks again sooner than 30 s after an answer, even for an evaluation already past', () => {
    expect(scheduleFor(code({ validUntil: iso(NOW - HOUR) }), NOW).fetchAt).toBe(NOW + MIN_REFETCH_MS)
  })

  it('keeps the QR when the credential is unchanged, and signs a new one at once when it changed (a new colour)', () => {
    const previous: Schedule = { signAt: NOW + 12_000, fetchAt: NOW, expiresAt: NOW + 24 * HOUR }
    expect(scheduleFor(code(), NOW, { schedule: previous, credential: 'cred-1' }).signAt).toBe(NOW + 12_000)
    expect(
      scheduleFor(code({ colour: 'yellow', credential: 'cred-2' }), NOW, { schedule: previous, credential: 'cred-1' })
        .signAt,
    ).toBe(0)
  })
})

describe('step', () => {
  const start: Schedule = { signAt: 0, fetchAt: NOW + HOUR, expiresAt: NOW + 24 * HOUR }

  it('signs on the first tick, then counts 30 … 1 and signs again after 30 s', () => {
    const first = step(NOW, start)
    expect(first).toMatchObject({ sign: true, fetch: false, expired: false, secondsLeft: 30 })
    let schedule = first.schedule
    const shown: number[] = []
    for (let s = 1; s <= 30; s += 1) {
      const next = step(NOW + s * 1000, schedule)
      schedule = next.schedule
      if (next.sign) shown.push(-s)
      else shown.push(next.secondsLeft)
    }
    expect(shown.slice(0, 3)).toEqual([29, 28, 27])
    expect(shown[28]).toBe(1)
    expect(shown[29]).toBe(-30)
  })

  it('asks again when the fetch time has come, but not while a request is under way', () => {
    const due = { ...start, signAt: NOW + 10_000 }
    expect(step(NOW + HOUR, due).fetch).toBe(true)
    expect(step(NOW + HOUR, due, true).fetch).toBe(false)
    expect(step(NOW + HOUR - 1, due).fetch).toBe(false)
  })

  it('signs nothing once the credential has expired', () => {
    const result = step(NOW + 24 * HOUR, start)
    expect(result).toMatchObject({ expired: true, sign: false })
  })
})
