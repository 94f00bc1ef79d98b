// The login flow: H5 via the WeChat authorize page (state checked), weapp via WeChat's login code (the stand-in's in a
// development build); then tokens and 我的.
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { t } from '../i18n'
import { PAGES } from '../page-paths'
import { isH5, leaveFor, pageAddress, wechatLoginCode } from '../platform'
import * as auth from '../services/auth'
import { ApiError } from '../services/client'

export type LoginPhase = 'idle' | 'redirecting' | 'loggingIn'

export function useLogin() {
  const { params } = useRouter()
  const [phase, setPhase] = useState<LoginPhase>('idle')
  const [failure, setFailure] = useState<string | null>(null)
  const handled = useRef(false)

  async function exchange(code: string) {
    setPhase('loggingIn')
    setFailure(null)
    try {
      await auth.login(code)
      await Taro.switchTab({ url: PAGES.me })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      setFailure(error.message)
      setPhase('idle')
    }
  }

  // H5: the authorize page came back to us, with a code (allowed) or an error (denied).
  useEffect(() => {
    if (!isH5() || handled.current) return
    const { code, state, error } = params
    if (!state || (!code && !error)) return
    handled.current = true
    const ours = auth.takeLoginState(state)
    if (!ours) setFailure(t('login.stateMismatch'))
    else if (error || !code) setFailure(t('login.denied'))
    else void exchange(code)
  }, [params])

  async function loginWithWechat() {
    setFailure(null)
    if (isH5()) {
      setPhase('redirecting')
      try {
        const cfg = await auth.config()
        const state = auth.newLoginState()
        // The authorize page sends the citizen back to the login page.
        leaveFor(auth.authorizeUrl(cfg, pageAddress(PAGES.login), state))
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        setFailure(error.message)
        setPhase('idle')
      }
      return
    }
    // weapp: the one-time code of wx.login (WeChat's real login server: the BFF needs that real appid and secret), or
    // in a development build the WeChat stand-in's device login (platform/wechat-stand-in.ts), chosen at build time.
    let code: string
    try {
      code = await wechatLoginCode()
    } catch {
      setFailure(t('login.wechatFailed'))
      return
    }
    await exchange(code)
  }

  return { phase, failure, loginWithWechat: () => void loginWithWechat() }
}
