// Aggregation: the home dashboard (every section from its department within one budget) and the citizen's own
// department records. Public entry: what app.ts builds and registers.
import type { DepartmentReaders } from '../data-use'
import type { HealthStatusService, HolderService } from '../health-code'
import type { ProfileService } from '../identity'
import type { WalletService } from '../wallet'
import { type CitizenDataService, createCitizenDataService } from './citizen-data-service'
import { createDashboardService, type DashboardService } from './dashboard-service'

export interface Aggregation {
  dashboard: DashboardService
  data: CitizenDataService
}

export function createAggregation(d: {
  readers: DepartmentReaders
  profiles: ProfileService
  wallet: WalletService
  health: { holders: HolderService; status: HealthStatusService }
  /** The whole dashboard answers within this, whatever the departments do */
  budgetMs: number
}): Aggregation {
  return { dashboard: createDashboardService(d), data: createCitizenDataService(d.readers, d.profiles) }
}

export { default } from './routes'
