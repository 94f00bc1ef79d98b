// What a build is told at build time, read from the environment once and checked: where the BFF is, whether this is a
// development weapp build that logs in through the WeChat stand-in, and where the output goes. Taro inlines the
// TARO_APP_* values (config/index.ts passes them as `env`), so a built app cannot be switched at run time.
//   TARO_APP_API_BASE           the BFF's origin; H5 default '' (same origin), weapp default http://localhost:3000
//   TARO_APP_WECHAT_STAND_IN    weapp only: the WeChat stand-in's origin (http://127.0.0.1:<DEPT_WECHAT_PORT>); set,
//                               the app takes its login code from the stand-in's /sns/device-login, not wx.login
//   TARO_APP_WECHAT_APP_ID      the app id registered at the stand-in (its DEPT_WECHAT_APPID); required with it
//   YSX_BUILD_OUTPUT            the output folder (relative to miniapp/); default dist/<platform>

export class BuildEnvError extends Error {
  override name = 'BuildEnvError'
}

export interface BuildEnv {
  platform: string
  outputRoot: string
  /** The BFF's origin; '' is the page's own origin (H5 served by the BFF) */
  apiBase: string
  /** A development weapp build: the WeChat stand-in that hands out login codes, and the app id registered there */
  standIn: { url: string; appId: string } | null
}

const APP_ID = /^[A-Za-z0-9_-]{1,64}$/

/** An http(s) origin: scheme, host and port, nothing after it (a trailing slash is dropped). */
function origin(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new BuildEnvError(`${name} is not a URL: ${value}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BuildEnvError(`${name} must be http:// or https://: ${value}`)
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash)
    throw new BuildEnvError(`${name} must be an origin only (scheme, host, port): ${value}`)
  return url.origin
}

/** Reads and checks the build's environment (process.env by default); throws BuildEnvError naming what is wrong. */
export function readBuildEnv(source: Record<string, string | undefined> = process.env): BuildEnv {
  const platform = source.TARO_ENV || 'weapp'
  const given = (name: string) => source[name]?.trim() || undefined
  const apiBaseGiven = given('TARO_APP_API_BASE')
  const apiBase = apiBaseGiven
    ? origin('TARO_APP_API_BASE', apiBaseGiven)
    : platform === 'h5'
      ? ''
      : 'http://localhost:3000'
  const standInUrl = given('TARO_APP_WECHAT_STAND_IN')
  const appId = given('TARO_APP_WECHAT_APP_ID')
  let standIn: BuildEnv['standIn'] = null
  if (standInUrl || appId) {
    if (platform !== 'weapp')
      throw new BuildEnvError(`TARO_APP_WECHAT_STAND_IN is for the weapp build only (this is ${platform})`)
    if (!standInUrl) throw new BuildEnvError('TARO_APP_WECHAT_APP_ID is set without TARO_APP_WECHAT_STAND_IN')
    if (!appId) throw new BuildEnvError('TARO_APP_WECHAT_STAND_IN needs TARO_APP_WECHAT_APP_ID (the stand-in’s app id)')
    if (!APP_ID.test(appId)) throw new BuildEnvError(`TARO_APP_WECHAT_APP_ID is not an app id: ${appId}`)
    standIn = { url: origin('TARO_APP_WECHAT_STAND_IN', standInUrl), appId }
  }
  return { platform, outputRoot: given('YSX_BUILD_OUTPUT') ?? `dist/${platform}`, apiBase, standIn }
}

/** The values Taro inlines as process.env.TARO_APP_* (JSON text); a production build gets empty stand-in values. */
export function inlinedEnv(build: BuildEnv): Record<string, string> {
  return {
    TARO_APP_API_BASE: JSON.stringify(build.apiBase),
    TARO_APP_WECHAT_STAND_IN: JSON.stringify(build.standIn?.url ?? ''),
    TARO_APP_WECHAT_APP_ID: JSON.stringify(build.standIn?.appId ?? ''),
  }
}
