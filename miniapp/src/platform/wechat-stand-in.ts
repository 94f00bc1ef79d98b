// Development weapp builds only: the one-time login code from the WeChat stand-in's device login (POST
// /sns/device-login), which is what wx.login does on a phone, so WeChat devtools with the tourist AppID (or a phone on
// the same network) signs in against the stand-ins. The stand-in's account is this device's: a random id made once
// and kept in storage, so the same devtools (or phone) is the same WeChat user each time, as with wx.login.
// Reached only when the build was told the stand-in (config/build-env.ts); production builds call Taro.login.
import Taro from '@tarojs/taro'
import { wechatContracts } from '@ysx/shared'

export interface WechatStandIn {
  /** The stand-in's origin, e.g. http://127.0.0.1:<DEPT_WECHAT_PORT> */
  url: string
  /** The app id registered at the stand-in (DEPT_WECHAT_APPID) */
  appId: string
}

export const DEVICE_ACCOUNT_STORAGE = 'ysx.wechat.standInDevice'
/** The stand-in's contract for it (shared/src/departments/wechat.ts): its path, body and reply. */
const DEVICE_LOGIN = wechatContracts.deviceLogin
export const DEVICE_LOGIN_PATH = DEVICE_LOGIN.path
const TIMEOUT_MS = 10_000

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** This device's account at the stand-in (`device-` and 32 hex digits), made on first use and kept. */
async function deviceAccount(randomBytes: (length: number) => Promise<Uint8Array>): Promise<string> {
  const stored = Taro.getStorageSync<unknown>(DEVICE_ACCOUNT_STORAGE)
  if (typeof stored === 'string' && /^device-[0-9a-f]{32}$/.test(stored)) return stored
  const account = `device-${hex(await randomBytes(16))}`
  Taro.setStorageSync(DEVICE_ACCOUNT_STORAGE, account)
  return account
}

/** A one-time login code for this device from the stand-in; rejects when it cannot give one (down, refused). */
export async function standInLoginCode(
  standIn: WechatStandIn,
  randomBytes: (length: number) => Promise<Uint8Array>,
): Promise<string> {
  const account = await deviceAccount(randomBytes)
  // Not the BFF: WeChat's login server (services/client.ts is the BFF's only caller).
  const reply = await Taro.request<unknown>({
    url: `${standIn.url}${DEVICE_LOGIN_PATH}`,
    method: DEVICE_LOGIN.method,
    header: { 'content-type': 'application/json' },
    data: DEVICE_LOGIN.body.parse({ appid: standIn.appId, account }),
    timeout: TIMEOUT_MS,
  })
  const parsed = reply.statusCode === 200 ? DEVICE_LOGIN.responses[200].safeParse(reply.data) : undefined
  if (!parsed?.success) throw new Error(`device-login:fail ${reply.statusCode}`)
  return parsed.data.code
}
