// The home dashboard: every section in one call; a section a department could not serve comes back marked unavailable.
// The home page's only call: its contract, and zod with it, is loaded with the call, after the page's first paint; signed
// out (a first visit) the call cannot be made, so nothing is loaded and the page asks to sign in at once.
import type { Dashboard } from '@ysx/shared'
import { request, requireSession } from './client'

export async function dashboard(): Promise<Dashboard> {
  requireSession()
  const { dashboardContracts } = await import(/* webpackExports: ["dashboardContracts"] */ '@ysx/shared')
  return request(dashboardContracts.show)
}
