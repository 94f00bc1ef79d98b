// One wallet card: its masked detail, the step-up-guarded reveal of the full card (shown only while on screen), and its
// 核验记录.
import { useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { ApiError } from '../services/client'
import { presentations, reveal as revealCard, show, type WalletRevealed } from '../services/wallet'
import { askForStepUp, takeStepUp } from './step-up'
import { useQuery } from './use-query'

export function useWalletCard(id: string) {
  const query = useQuery(() => show(id))
  const [full, setFull] = useState<WalletRevealed | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const action = `reveal:${id}`

  async function reveal(redirectForStepUp = true) {
    setBusy(true)
    setFailure(null)
    try {
      setFull(await revealCard(id))
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'STEP_UP_REQUIRED' && redirectForStepUp) askForStepUp(action)
      else setFailure(error.message)
    } finally {
      setBusy(false)
    }
  }

  useDidShow(() => {
    if (takeStepUp(action)) void reveal(false)
  })
  useDidHide(() => setFull(null))

  return { query, full, busy, failure, reveal: () => void reveal(), hide: () => setFull(null) }
}

/** Every online verification of this card, newest first (loaded again each time the page shows). */
export const usePresentationLog = (id: string) => useQuery(() => presentations(id), { onShow: true })
export type PresentationLogQuery = ReturnType<typeof usePresentationLog>
