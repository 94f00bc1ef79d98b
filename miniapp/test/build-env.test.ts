// What a build is told (config/build-env.ts): the BFF's origin, a development weapp build's WeChat stand-in and the
// output folder, checked before Taro starts; and what Taro inlines, so a production build carries no stand-in.
import { BuildEnvError, inlinedEnv, readBuildEnv } from '../config/build-env'

const STAND_IN = { TARO_APP_WECHAT_STAND_IN: 'http://127.0.0.1:4800', TARO_APP_WECHAT_APP_ID: 'wx-ysx-open-dev' }

describe('readBuildEnv', () => {
  it('a plain weapp build: the BFF on this machine, no stand-in, output in dist/weapp', () => {
    expect(readBuildEnv({ TARO_ENV: 'weapp' })).toEqual({
      platform: 'weapp',
      outputRoot: 'dist/weapp',
      apiBase: 'http://localhost:3000',
      standIn: null,
    })
  })

  it('a plain H5 build: the BFF is its own origin', () => {
    expect(readBuildEnv({ TARO_ENV: 'h5' })).toMatchObject({ platform: 'h5', outputRoot: 'dist/h5', apiBase: '' })
  })

  it('a development weapp build: the BFF and the stand-in as origins (a trailing slash dropped), its app id', () => {
    const build = readBuildEnv({
      TARO_ENV: 'weapp',
      TARO_APP_API_BASE: 'http://192.168.1.20:3000/',
      ...STAND_IN,
      YSX_BUILD_OUTPUT: 'dist/weapp-dev',
    })
    expect(build).toEqual({
      platform: 'weapp',
      outputRoot: 'dist/weapp-dev',
      apiBase: 'http://192.168.1.20:3000',
      standIn: { url: 'http://127.0.0.1:4800', appId: 'wx-ysx-open-dev' },
    })
  })

  it.each([
    ['a BFF address that is no URL', { TARO_APP_API_BASE: '127.0.0.1:3000' }, /TARO_APP_API_BASE is not a URL/],
    ['a BFF address with a path', { TARO_APP_API_BASE: 'http://127.0.0.1:3000/v1' }, /origin only/],
    ['a BFF address that is not http(s)', { TARO_APP_API_BASE: 'ftp://127.0.0.1' }, /http:\/\/ or https:\/\//],
    [
      'a stand-in with a path',
      { ...STAND_IN, TARO_APP_WECHAT_STAND_IN: 'http://127.0.0.1:4800/sns/device-login' },
      /origin only/,
    ],
    ['a stand-in with credentials', { ...STAND_IN, TARO_APP_WECHAT_STAND_IN: 'http://u:p@127.0.0.1:4800' }, /origin/],
    [
      'a stand-in without its app id',
      { TARO_APP_WECHAT_STAND_IN: 'http://127.0.0.1:4800' },
      /needs TARO_APP_WECHAT_APP_ID/,
    ],
    ['an app id without a stand-in', { TARO_APP_WECHAT_APP_ID: 'wx-ysx-open-dev' }, /without TARO_APP_WECHAT_STAND_IN/],
    ['an app id that is none', { ...STAND_IN, TARO_APP_WECHAT_APP_ID: 'wx ysx"' }, /not an app id/],
  ])('refuses %s', (_what, env, message) => {
    expect(() => readBuildEnv({ TARO_ENV: 'weapp', ...env })).toThrow(BuildEnvError)
    expect(() => readBuildEnv({ TARO_ENV: 'weapp', ...env })).toThrow(message)
  })

  it('refuses a stand-in for the H5 build, which logs in through the authorize page', () => {
    expect(() => readBuildEnv({ TARO_ENV: 'h5', ...STAND_IN })).toThrow(/weapp build only/)
  })
})

describe('inlinedEnv', () => {
  it('a development build inlines the stand-in and its app id beside the BFF’s address', () => {
    expect(
      inlinedEnv(readBuildEnv({ TARO_ENV: 'weapp', TARO_APP_API_BASE: 'http://127.0.0.1:3000', ...STAND_IN })),
    ).toEqual({
      TARO_APP_API_BASE: '"http://127.0.0.1:3000"',
      TARO_APP_WECHAT_STAND_IN: '"http://127.0.0.1:4800"',
      TARO_APP_WECHAT_APP_ID: '"wx-ysx-open-dev"',
    })
  })

  it('a production build inlines empty stand-in values, whatever else the environment holds', () => {
    expect(inlinedEnv(readBuildEnv({ TARO_ENV: 'weapp', TARO_APP_API_BASE: 'https://ysx.example.cn' }))).toEqual({
      TARO_APP_API_BASE: '"https://ysx.example.cn"',
      TARO_APP_WECHAT_STAND_IN: '""',
      TARO_APP_WECHAT_APP_ID: '""',
    })
  })
})
