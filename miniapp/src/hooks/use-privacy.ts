// 个人信息与隐私: download my data and close my account. Both need a fresh face verification: on STEP_UP_REQUIRED
// the face page opens, and coming back from it the action that asked is run again once.
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { t } from '../i18n'
import { PAGES } from '../page-paths'
import { isH5 } from '../platform'
import { ApiError } from '../services/client'
import { closeAccount, exportData, saveExport } from '../services/privacy'

type Action = 'download' | 'close'

/** The action that waits for the face verification, if the citizen went to do it. */
let pending: Action | null = null

export function usePrivacy() {
  const [busy, setBusy] = useState<Action | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  /** Runs an action; true when it finished, false when it failed or went for a face verification. */
  async function attempt(action: Action, run: () => Promise<void>, retried: boolean): Promise<boolean> {
    setBusy(action)
    setFailure(null)
    setNotice(null)
    try {
      await run()
      return true
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'STEP_UP_REQUIRED' && !retried) {
        pending = action
        void Taro.navigateTo({ url: `${PAGES.face}?purpose=step-up&from=privacy` })
      } else {
        setFailure(error.message)
      }
      return false
    } finally {
      setBusy(null)
    }
  }

  async function download(retried = false) {
    await attempt(
      'download',
      async () => {
        const file = saveExport(await exportData())
        setNotice(t(isH5() ? 'privacy.downloaded' : 'privacy.saved', { file }))
      },
      retried,
    )
  }

  async function close(retried = false) {
    if (!retried) {
      const { confirm } = await Taro.showModal({
        title: t('privacy.confirmTitle'),
        content: t('privacy.confirmContent'),
        confirmText: t('privacy.confirm'),
        confirmColor: '#cf1322',
        cancelText: t('common.cancel'),
      })
      if (!confirm) return
    }
    const closed = await attempt('close', async () => void (await closeAccount()), retried)
    if (!closed) return
    await Taro.showModal({
      title: t('privacy.closedTitle'),
      content: t('privacy.closedContent'),
      showCancel: false,
      confirmText: t('privacy.ok'),
    })
    void Taro.reLaunch({ url: PAGES.me })
  }

  // Back from the face page: the action that sent the citizen there runs once more (a failed check fails it again).
  useDidShow(() => {
    const action = pending
    pending = null
    if (action === 'download') void download(true)
    if (action === 'close') void close(true)
  })

  return {
    busy,
    notice,
    failure,
    download: () => void download(),
    close: () => void close(),
  }
}
