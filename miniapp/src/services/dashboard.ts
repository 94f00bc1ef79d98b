// The home dashboard: every section in one call; a section a department could not serve comes back marked unavailable.
import { type Dashboard, dashboardContracts } from '@ysx/shared'
import { request } from './client'

export function dashboard(): Promise<Dashboard> {
  return request(dashboardContracts.show)
}
