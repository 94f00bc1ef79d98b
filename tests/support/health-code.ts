// 粤康码 test helpers: a citizen's tests as 卫健 reports them (read from the stand-in directly, not through the BFF),
// citizens picked by their 卫健 record, the stand-in's admin side (risk areas, the appeal reviewer's queue), and the
// BFF calls the health-code tests make.
import { chinaDateTime } from '@ysx/shared'
import type { LightMyRequestResponse } from 'fastify'
import { newDevice, present } from './device'
import { bearer, CALLER, faceCheckAlwaysFails, OPERATOR, type TestSystem } from './system'

export interface NaTest {
  sampledAt: string
  result: '阴性' | '阳性'
}

/** The citizen's nucleic-acid tests, newest first, as the 卫健 stand-in answers them. */
export async function testsOf(sys: TestSystem, index: number): Promise<NaTest[]> {
  const res = await CALLER.fetch(`${sys.departments.weijian!.url}/v1/nucleic-acid-tests/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  return res.ok ? ((await res.json()) as { tests: NaTest[] }).tests : []
}

export const noPositive = (t: NaTest[]) => !t.some((x) => x.result === '阳性')

/** Hands out citizens from `from` on whose 卫健 record satisfies `ok` (and whom the face check accepts), each once. */
export function citizenPicker(
  sys: TestSystem,
  from: number,
  ok: (t: NaTest[]) => boolean = noPositive,
): () => Promise<number> {
  let next = from
  return async () => {
    for (let i = next; i < from + 2000; i += 1) {
      if (faceCheckAlwaysFails(i) || !ok(await testsOf(sys, i))) continue
      next = i + 1
      return i
    }
    throw new Error('no such citizen in the synthetic population')
  }
}

/** An admin call on the 卫健 stand-in (a 卫健 officer or reviewer at their own desk, not through the platform). */
export async function weijianAdmin<T = unknown>(
  sys: TestSystem,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sys.departments.weijian!.url}${path}`, {
    method,
    headers: { ...OPERATOR, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, json: (await res.json()) as T }
}

/** A lab reports a result for the citizen to 卫健 (its admin route), sampled `hoursAgo` hours before now. */
export async function reportTest(
  sys: TestSystem,
  index: number,
  result: '阳性' | '阴性',
  hoursAgo: number,
): Promise<void> {
  const res = await weijianAdmin(sys, 'POST', '/_admin/nucleic-acid-tests', {
    idNumber: sys.citizen(index).idNumber,
    sampledAt: chinaDateTime(Date.now() - hoursAgo * 3_600_000),
    result,
    institution: '广州金域医学检验所',
  })
  if (res.status !== 201) throw new Error(`test result refused: ${res.status}`)
}

/** An appeal as the 卫健 reviewer's queue shows it */
export interface QueuedAppeal {
  appealId: string
  rule: string
  target: { kind: string; id: string | null }
  statement: string
  status: string
}
export const pendingAppeals = async (sys: TestSystem) =>
  (await weijianAdmin<{ appeals: QueuedAppeal[] }>(sys, 'GET', '/_admin/appeals')).json.appeals
export const decideAppeal = (sys: TestSystem, appealId: string, decision: 'upheld' | 'rejected', note: string) =>
  weijianAdmin<QueuedAppeal & { note: string }>(sys, 'POST', `/_admin/appeals/${appealId}/decision`, { decision, note })

/** Flags (or lifts, null) a risk area at 卫健 by its administrative-division code (GB/T 2260), e.g. 440103. */
export async function flagRiskArea(
  sys: TestSystem,
  areaCode: string,
  level: 'high' | 'medium' | 'low' | null,
): Promise<void> {
  const res = await weijianAdmin(sys, 'PUT', '/_admin/risk-areas', { areaCode, level })
  if (res.status !== 200) throw new Error(`risk area refused: ${res.status}`)
}

/** The 营业执照 (统一社会信用代码) in a status `ok` accepts (valid by default) 市场监管 registers to the citizen as legal
 * representative, if any. */
export async function businessOf(
  sys: TestSystem,
  index: number,
  ok: (status: string) => boolean = (s) => s === 'valid',
): Promise<string | undefined> {
  const res = await CALLER.fetch(`${sys.departments.shichang!.url}/v1/certificates/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'GOV/test', 'x-purpose': 'test' },
    body: JSON.stringify({ idNumber: sys.citizen(index).idNumber }),
  })
  if (!res.ok) return undefined
  const { certificates } = (await res.json()) as { certificates: { status: string; creditCode: string }[] }
  return certificates.find((c) => ok(c.status))?.creditCode
}

/** Hands out citizens from `from` on whom 市场监管 registers a business (and whom the face check accepts), each once;
 * its licence valid unless `ok` accepts another status. */
export function businessOwnerPicker(
  sys: TestSystem,
  from: number,
  ok?: (status: string) => boolean,
): () => Promise<{ index: number; creditCode: string }> {
  let next = from
  return async () => {
    for (let i = next; i < from + 2000; i += 1) {
      if (faceCheckAlwaysFails(i)) continue
      const creditCode = await businessOf(sys, i, ok)
      if (!creditCode) continue
      next = i + 1
      return { index: i, creditCode }
    }
    throw new Error('no business owner left in the synthetic population')
  }
}

/** The phone the helpers show codes on */
export const phone = newDevice()

/** BFF calls as a signed-in citizen; `holder` is 'self' or a family member's id. */
export function healthApi(sys: TestSystem) {
  const call = (
    token: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    sys.call({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload }) })
  const hc = (holder: string) => `/v1/health-codes/${holder}`
  return {
    call,
    show: (token: string, holder = 'self') => call(token, 'POST', `${hc(holder)}/show`, { deviceKey: phone.jwk }),
    checkIn: (token: string, venueCode: string, holder = 'self') =>
      call(token, 'POST', `${hc(holder)}/check-ins`, { venueCode }),
    checkIns: (token: string, holder = 'self') => call(token, 'GET', `${hc(holder)}/check-ins`),
    appeal: (token: string, body: object, holder = 'self') => call(token, 'POST', `${hc(holder)}/appeals`, body),
    appeals: (token: string, holder = 'self') => call(token, 'GET', `${hc(holder)}/appeals`),
    transfer: (token: string, body: object, holder = 'self') => call(token, 'POST', `${hc(holder)}/transfers`, body),
    registerVenue: (token: string, body: object) => call(token, 'POST', '/v1/venues', body),
    /** Entrance verification of a code shown on `phone` (no sign-in) */
    verify: (credential: string) =>
      sys.call({ method: 'POST', url: '/v1/health-codes/verify', payload: { code: present(phone, credential) } }),
  }
}
