// Home dashboard: every section from its department in parallel, each bounded by one budget; a section that fails
// or runs out of time is marked unavailable with its code while the rest is served.
import {
  type Dashboard,
  type ErrorCode,
  errorMessage,
  gongjijinContracts,
  jiaoguanContracts,
  type Locale,
  rensheContracts,
  weijianContracts,
  yibaoContracts,
} from '@ysx/shared'
import type { DepartmentReaders, Subject } from '../data-use'
import type { HealthStatusService, HolderService } from '../health-code'
import type { ProfileService } from '../identity'
import { AppError } from '../platform/app-error'
import type { WalletService } from '../wallet'

type Sections = Dashboard['sections']
type SectionOf<K extends keyof Sections> = Sections[K]
type DataOf<K extends keyof Sections> = Extract<SectionOf<K>, { status: 'ok' }>['data']

const WHY = { purpose: '首页概览（本人查询）' }
const ISSUER_MARGIN_MS = 50

export interface DashboardService {
  show(userId: string, locale: Locale): Promise<Dashboard>
}

export function createDashboardService(d: {
  readers: DepartmentReaders
  profiles: ProfileService
  wallet: WalletService
  health: { holders: HolderService; status: HealthStatusService }
  budgetMs: number
}): DashboardService {
  const { readers, profiles, wallet, health, budgetMs } = d
  /** Rejects with UPSTREAM_TIMEOUT when `limit` resolves first. */
  const bounded = <T>(p: Promise<T>, limit: Promise<'timeout'>) =>
    Promise.race([p, limit.then(() => Promise.reject(new AppError('UPSTREAM_TIMEOUT', 'dashboard budget spent')))])

  const fetchers = (
    s: Subject,
    issuerLimit: Promise<'timeout'>,
  ): { [K in keyof Sections]: () => Promise<DataOf<K>> } => ({
    async cards() {
      // Each issuer on its own: a slow one drops out of the list (named in unavailableFrom), the rest are shown.
      const got = await wallet.issued(s, WHY, { bound: (p) => bounded(p, issuerLimit) })
      if (got.allFailed) throw got.allFailed
      const cards = got.certificates.map((c) => ({
        type: c.type,
        title: c.title,
        status: c.status,
        expiryDate: c.expiryDate,
        department: c.department,
      }))
      return { cards, unavailableFrom: got.unavailableFrom }
    },
    async socialSecurity() {
      const c = await readers.renshe.read(rensheContracts.contributions, s, WHY)
      if (!c) return null
      const paid = c.months.filter((m) => m.status === 'paid')
      return {
        lastPaidMonth: paid[0]?.month ?? null,
        monthsPaid: paid.length,
        arrearsMonths: c.months.length - paid.length,
      }
    },
    async medicalInsurance() {
      const a = await readers.yibao.read(yibaoContracts.account, s, WHY)
      return a ? { balance: a.balance, status: a.status } : null
    },
    async housingFund() {
      const a = (await readers.gongjijin.read(gongjijinContracts.account, s, WHY))?.account
      return a ? { balance: a.balance, status: a.status } : null
    },
    async violations() {
      const v = await readers.jiaoguan.read(jiaoguanContracts.violations, s, WHY)
      return v ? { unpaidCount: v.unpaidCount, unpaidFines: v.unpaidFines } : null
    },
    async healthCode() {
      // The 粤康码 colour by its rule set (the same status the code page shows); the test list is the cached read.
      const [status, tests] = await Promise.all([
        health.status.current(await health.holders.resolve(s.userId, 'self'), 'zh-CN'),
        readers.weijian.read(weijianContracts.nucleicAcidTests, s, WHY),
      ])
      return { color: status.colour, lastTestAt: tests?.tests[0]?.sampledAt ?? null }
    },
  })

  return {
    async show(userId, locale) {
      const s = await profiles.subject(userId)
      const unavailable = (code: ErrorCode) => ({
        status: 'unavailable' as const,
        code,
        message: errorMessage(code, locale),
      })
      const timers: NodeJS.Timeout[] = []
      const after = (ms: number) =>
        new Promise<'timeout'>((resolve) => timers.push(setTimeout(() => resolve('timeout'), ms)))
      const deadline = after(budgetMs)
      // Issuers of the cards list stop a little earlier, so the list is complete before the section's own deadline.
      const issuerLimit = after(Math.max(1, budgetMs - ISSUER_MARGIN_MS))
      const run = async <K extends keyof Sections>(fetch: () => Promise<DataOf<K>>): Promise<SectionOf<K>> => {
        try {
          const data = await Promise.race([fetch(), deadline])
          if (data === 'timeout') return unavailable('UPSTREAM_TIMEOUT') as SectionOf<K>
          return { status: 'ok', data } as SectionOf<K>
        } catch (err) {
          return unavailable(err instanceof AppError ? err.code : 'UPSTREAM_UNAVAILABLE') as SectionOf<K>
        }
      }
      const f = fetchers(s, issuerLimit)
      try {
        const [cards, socialSecurity, medicalInsurance, housingFund, violations, healthCode] = await Promise.all([
          run<'cards'>(f.cards),
          run<'socialSecurity'>(f.socialSecurity),
          run<'medicalInsurance'>(f.medicalInsurance),
          run<'housingFund'>(f.housingFund),
          run<'violations'>(f.violations),
          run<'healthCode'>(f.healthCode),
        ])
        return {
          generatedAt: new Date().toISOString(),
          sections: { cards, socialSecurity, medicalInsurance, housingFund, violations, healthCode },
        }
      } finally {
        timers.forEach(clearTimeout)
      }
    },
  }
}
