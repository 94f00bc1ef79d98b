// The home dashboard, loaded again each time the tab shows (the session may have changed meanwhile).
import { dashboard } from '../services/dashboard'
import { useQuery } from './use-query'

export const useDashboard = () => useQuery(dashboard, { onShow: true })
