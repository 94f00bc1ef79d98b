// src/platform as one build loads it: Taro inlines TARO_ENV, so the module reads it once; each call loads a fresh copy
// with TARO_ENV set to `build` (the tests' own jest.mock of @tarojs/taro still applies).
import type * as Platform from '../src/platform'

export function platformOf(build: 'h5' | 'weapp'): typeof Platform {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = build
  let loaded: typeof Platform | undefined
  jest.isolateModules(() => {
    loaded = jest.requireActual<typeof Platform>('../src/platform')
  })
  process.env.TARO_ENV = before
  if (!loaded) throw new Error('platform did not load')
  return loaded
}
