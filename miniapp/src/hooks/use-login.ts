// The login flow: H5 via the WeChat authorize page (state checked), weapp via Taro.login(); then tokens and 我的.
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { t } from '../i18n'
import { PAGES } from '../page-paths'
import * as auth from '../services/auth'
import { ApiError } from '../services/client'

export type LoginPhase = 'idle' | 'redirecting' | 'loggingIn'

/** Where the authorize page sends the citizen back to (Taro's H5 router keeps the page path in the hash). */
const RETURN_PATH = `/#${PAGES.login}`

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
    if (process.env.TARO_ENV !== 'h5' || handled.current) return
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
    if (process.env.TARO_ENV === 'h5') {
      setPhase('redirecting')
      try {
        const cfg = await auth.config()
        const state = auth.newLoginState()
        window.location.assign(auth.authorizeUrl(cfg, `${window.location.origin}${RETURN_PATH}`, state))
      } catch (error) {
        if (!(error instanceof ApiError)) throw error
        setFailure(error.message)
        setPhase('idle')
      }
      return
    }
    // weapp: in WeChat devtools (or on a phone) the code comes from WeChat's real login server, so the BFF must be
    // configured with that real appid and secret; against our WeChat stand-in, weapp login cannot succeed.
    let code: string
    try {
      code = (await Taro.login()).code
    } catch {
      setFailure(t('login.wechatFailed'))
      return
    }
    await exchange(code)
  }

  return { phase, failure, loginWithWechat: () => void loginWithWechat() }
}
