// app.config.ts as a build reads it: a development build (TARO_APP_WECHAT_STAND_IN set) has an orange navigation bar
// titled 粤省事（开发环境） on every page; a production build the blue one titled 粤省事.
import { t } from '../src/i18n'

type AppConfig = { window: { navigationBarBackgroundColor: string; navigationBarTitleText: string } }

/** The app config with the given stand-in (Taro evaluates it at build time, with the build's environment). */
function appConfigOf(standIn: string | undefined): AppConfig {
  const env = process.env as Record<string, string | undefined>
  const before = env.TARO_APP_WECHAT_STAND_IN
  if (standIn === undefined) delete env.TARO_APP_WECHAT_STAND_IN
  else env.TARO_APP_WECHAT_STAND_IN = standIn
  let config: AppConfig | undefined
  Object.assign(globalThis, { defineAppConfig: (c: AppConfig) => c })
  jest.isolateModules(() => {
    config = jest.requireActual<{ default: AppConfig }>('../src/app.config').default
  })
  if (before === undefined) delete env.TARO_APP_WECHAT_STAND_IN
  else env.TARO_APP_WECHAT_STAND_IN = before
  if (!config) throw new Error('app.config did not load')
  return config
}

it('a development build’s navigation bar is orange and says 开发环境', () => {
  expect(appConfigOf('http://127.0.0.1:4800').window).toMatchObject({
    navigationBarBackgroundColor: '#ad4e00',
    navigationBarTitleText: `${t('app.name')}（${t('app.devBuild')}）`,
  })
})

it.each([undefined, '', '  '])('a production build’s (stand-in %p) is the blue one, titled 粤省事', (standIn) => {
  expect(appConfigOf(standIn).window).toMatchObject({
    navigationBarBackgroundColor: '#0958d9',
    navigationBarTitleText: '粤省事',
  })
})
