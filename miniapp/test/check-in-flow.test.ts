// 扫码签到's flow: a venue code — scanned, pasted, or in the link that opened the page — is first shown as the venue it
// names; only 确认登记 writes the check-in. Attack: a link sent to a citizen (or a QR stuck over a venue's own) that
// checks them in at a risk-area venue the moment it is opened, turning their code yellow.
import { type CheckInCalls, confirmCheckIn, openVenue } from '../src/hooks/use-check-in'
import { t } from '../src/i18n'
import { ApiError } from '../src/services/client'
import type { CheckInDone } from '../src/services/health-code'
import { venueQrText } from '../src/venue-link'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const CODE = `YSXV1.${'a'.repeat(22)}.${'b'.repeat(22)}`
const VENUE = { name: '测试茶餐厅', areaCode: '440104', area: '广州市越秀区' }
const DONE = { checkIn: { checkInId: 'c1', venueName: VENUE.name } } as unknown as CheckInDone

const calls = () => {
  const preview = jest.fn<ReturnType<CheckInCalls['preview']>, [string]>(async () => VENUE)
  const checkIn = jest.fn<ReturnType<CheckInCalls['checkIn']>, [string, string]>(async () => DONE)
  return { preview, checkIn }
}

it('opening a venue link shows the venue (name and area) and does not check in', async () => {
  const c = calls()
  const state = await openVenue(venueQrText(CODE, 'https://ysx.example'), c)
  expect(state).toEqual({ status: 'confirming', venueCode: CODE, venue: VENUE })
  expect(c.preview).toHaveBeenCalledWith(CODE)
  expect(c.checkIn).not.toHaveBeenCalled()
})

it('确认登记 checks in once, at the venue that was shown, for the holder', async () => {
  const c = calls()
  const shown = await openVenue(CODE, c)
  expect(await confirmCheckIn(shown, 'self', c)).toEqual({ status: 'done', result: DONE })
  expect(c.checkIn.mock.calls).toEqual([['self', CODE]])
})

it('nothing but a shown venue can be confirmed: a failed or empty code never checks in', async () => {
  const c = calls()
  c.preview.mockRejectedValueOnce(new ApiError({ code: 'VENUE_CODE_INVALID', message: '场所码无法识别', status: 422 }))
  const bad = await openVenue('YSXV1.nope', c)
  expect(bad).toMatchObject({ status: 'failed', code: 'VENUE_CODE_INVALID' })
  expect(await confirmCheckIn(bad, 'self', c)).toBe(bad)
  const empty = await openVenue('   ', c)
  expect(empty).toEqual({ status: 'failed', code: 'VALIDATION_FAILED', message: t('healthCode.checkIn.emptyInput') })
  expect(await confirmCheckIn({ status: 'idle' }, 'self', c)).toEqual({ status: 'idle' })
  expect(c.checkIn).not.toHaveBeenCalled()
})
