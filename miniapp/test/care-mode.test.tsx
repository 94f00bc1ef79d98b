/** @jest-environment jsdom */
// 长辈版's state (hooks/use-care-mode): a choice made with the switch is stored under ysx.care and wins at the next
// start; with none stored the weapp opens in care mode when WeChat's font is large (factor above 1.15) and H5 never
// does; the switch re-renders every page listening and, on H5, marks <html> so the tab and navigation bars follow.
import { act, renderHook } from '@testing-library/react'
import {
  CARE_CLASS,
  CARE_STORAGE,
  careClass,
  chooseCareMode,
  isCareMode,
  restoreCareMode,
  startCareMode,
  useCareMode,
} from '../src/hooks/use-care-mode'
import { type Build, device, inBuild, resetPlatform } from './platform-double'
import { storage } from './taro-mock'

jest.mock('@tarojs/taro', () => jest.requireActual<typeof import('./taro-page')>('./taro-page').taroModule)
jest.mock('../src/platform', () => jest.requireActual<typeof import('./platform-double')>('./platform-double').platform)

beforeEach(() => {
  storage.clear()
  resetPlatform()
})
afterEach(() => {
  act(() => chooseCareMode(false))
  storage.clear()
})

describe('weapp', () => {
  inBuild('weapp')

  test.each([
    [1, false],
    [1.12, false],
    [1.15, false],
    [1.2, true],
    [1.4, true],
  ])('a first start with WeChat’s font at %s× opens in care mode: %s', (factor, on) => {
    device.fontScale = factor
    expect(startCareMode()).toBe(on)
    expect(restoreCareMode()).toBe(on)
    expect([isCareMode(), careClass()]).toEqual([on, on ? CARE_CLASS : ''])
  })

  test('the citizen’s choice wins over WeChat’s font size, either way', () => {
    device.fontScale = 1.4
    storage.set(CARE_STORAGE, false)
    expect(restoreCareMode()).toBe(false)
    device.fontScale = 1
    storage.set(CARE_STORAGE, true)
    expect(restoreCareMode()).toBe(true)
  })

  test('a stored value that is not a yes or no is ignored: the font size decides', () => {
    storage.set(CARE_STORAGE, 'yes')
    device.fontScale = 1.3
    expect(startCareMode()).toBe(true)
  })

  test('the weapp has no <html>: the page roots carry the class', () => {
    act(() => chooseCareMode(true))
    expect([careClass(), device.documentCare]).toEqual([CARE_CLASS, false])
  })
})

describe.each<Build>(['h5', 'weapp'])('%s', (build) => {
  inBuild(build)

  test('the switch stores the choice under ysx.care, and the next start opens in it', () => {
    act(() => chooseCareMode(true))
    expect(storage.get(CARE_STORAGE)).toBe(true)
    act(() => chooseCareMode(false))
    expect(storage.get(CARE_STORAGE)).toBe(false)
    act(() => chooseCareMode(true))
    expect(restoreCareMode()).toBe(true)
  })

  test('a page listening re-renders with the care class when the switch turns it on, and without when off', () => {
    const { result } = renderHook(() => useCareMode())
    expect([result.current.care, result.current.rootClass]).toEqual([false, ''])
    act(() => result.current.toggle())
    expect([result.current.care, result.current.rootClass, storage.get(CARE_STORAGE)]).toEqual([true, CARE_CLASS, true])
    act(() => result.current.toggle())
    expect([result.current.care, result.current.rootClass, storage.get(CARE_STORAGE)]).toEqual([false, '', false])
  })
})

describe('h5', () => {
  inBuild('h5')

  test('the browser’s font size never turns care mode on by itself; the switch marks <html>', () => {
    device.fontScale = 1.4
    expect(restoreCareMode()).toBe(false)
    act(() => chooseCareMode(true))
    expect(device.documentCare).toBe(true)
    act(() => chooseCareMode(false))
    expect(device.documentCare).toBe(false)
  })
})
