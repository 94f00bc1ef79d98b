// 卡包: the citizen's e-certificates, loaded again each time the tab shows.
import { list } from '../services/wallet'
import { useQuery } from './use-query'

export const useWallet = () => useQuery(list, { onShow: true })
