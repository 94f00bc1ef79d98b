// zh-HK text catalogue (繁體, Hong Kong usage): the same namespaces as zh-CN, checked key by key against its shape.
import type { Catalogue } from '../zh-CN'
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

export const zhHK: Catalogue = {
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
