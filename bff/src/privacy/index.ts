// Privacy: the citizen's PIPL rights — a copy of their data (Art. 45) and 注销 (Art. 47) — over every capability's
// public entry, and the retention job that keeps every table within its period. Public entry: the factories
// app.ts builds, and the routes plugin.
export { createPrivacyService, type PrivacyDeps, type PrivacyService } from './privacy-service'
export { createRetention, type PurgeCounts, RETENTION, type Retention, scheduleRetention } from './retention'
export { default } from './routes'
