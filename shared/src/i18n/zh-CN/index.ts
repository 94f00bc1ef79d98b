// zh-CN text catalogue: every message a citizen or an API user reads, UI and errors alike, assembled from one file per
// page group. Its shape is the Catalogue every other locale must fill.
import { errors } from './errors'
import { feedback } from './feedback'
import { healthCode } from './health-code'
import { healthRules } from './health-rules'
import { dashboard, home } from './home'
import { face, login, me } from './identity'
import { privacy } from './privacy'
import { queries } from './queries'
import { services } from './services'
import { app, certificateStatus, common, departments, tabs } from './shell'
import { values } from './values'
import { present, verify, wallet } from './wallet'

export const zhCN = {
  app,
  tabs,
  home,
  dashboard,
  certificateStatus,
  departments,
  queries,
  services,
  wallet,
  present,
  verify,
  me,
  login,
  face,
  feedback,
  privacy,
  common,
  healthRules,
  healthCode,
  values,
  errors,
}

/** The shape every locale's catalogue must have: the same keys as zh-CN, string leaves. */
export type Catalogue = DeepStrings<typeof zhCN>
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
