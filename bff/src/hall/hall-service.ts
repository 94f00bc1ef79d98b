// 服务大厅 service: search, hot services and guides over the catalogue; a signed-in citizen's recent guides and
// favourites, each bounded (RECENT_SERVICES_KEPT, FAVOURITE_SERVICES_MAX) so no citizen's rows grow without end, and
// only ever codes the catalogue holds (a made-up code is refused, not stored).
import {
  FAVOURITE_SERVICES_MAX,
  RECENT_SERVICES_KEPT,
  SERVICE_PAGE_SIZE,
  type ServiceGuide,
  type ServiceList,
  type ServiceSummary,
} from '@ysx/shared'
import type { Catalogue, SearchFilter } from './catalogue'
import type { HallRepository } from './hall-repository'
import { AppError } from '../platform/app-error'

export const HOT_SERVICES = 8

export interface HallService {
  search(filter: SearchFilter, page: number): ServiceList
  hot(city: string): { items: ServiceSummary[] }
  /** The guide; opened by a signed-in citizen (`userId`), it becomes their most recent service. */
  guide(code: string, userId?: string): Promise<ServiceGuide>
  recent(userId: string): Promise<{ items: ServiceSummary[] }>
  favourites(userId: string): Promise<{ items: ServiceSummary[] }>
  addFavourite(userId: string, code: string): Promise<void>
  removeFavourite(userId: string, code: string): Promise<void>
  /** PIPL: the citizen's favourites and recent services with their times, for their own copy. */
  exportFor(userId: string): Promise<{ favourites: HallCopyEntry[]; recent: HallCopyEntry[] }>
}

export interface HallCopyEntry {
  code: string
  at: string
}

export function createHallService(d: { catalogue: Catalogue; repo: HallRepository; now: () => Date }): HallService {
  const { catalogue, repo } = d
  const known = (code: string) => {
    const entry = catalogue.get(code)
    if (!entry) throw new AppError('SERVICE_NOT_FOUND', `no service ${code}`)
    return entry
  }
  // A code the catalogue no longer holds (the data changed) is left out of the lists, not shown broken.
  const summaries = (codes: string[]) => ({
    items: codes.map((c) => catalogue.summary(c)).filter((s): s is ServiceSummary => s !== undefined),
  })
  return {
    search(filter, page) {
      const all = catalogue.search(filter)
      const start = (page - 1) * SERVICE_PAGE_SIZE
      return {
        items: all.slice(start, start + SERVICE_PAGE_SIZE),
        total: all.length,
        page,
        pageSize: SERVICE_PAGE_SIZE,
      }
    },
    hot: (city) => ({ items: catalogue.hot(city, HOT_SERVICES) }),
    async guide(code, userId) {
      const { popularity: _used, ...service } = known(code)
      if (!userId) return { ...service, favourite: null }
      await repo.recordOpened(userId, code, d.now(), RECENT_SERVICES_KEPT)
      return { ...service, favourite: (await repo.favouritesOf(userId)).includes(code) }
    },
    recent: async (userId) => summaries(await repo.recentOf(userId)),
    favourites: async (userId) => summaries(await repo.favouritesOf(userId)),
    async addFavourite(userId, code) {
      known(code)
      const result = await repo.addFavouriteWithin(userId, code, d.now(), FAVOURITE_SERVICES_MAX)
      if (result === 'full') throw new AppError('FAVOURITES_LIMIT_REACHED')
    },
    removeFavourite: (userId, code) => repo.removeFavourite(userId, code),
    async exportFor(userId) {
      const { favourites, recent } = await repo.exportFor(userId)
      const copy = (rows: { code: string; at: Date }[]) => rows.map((r) => ({ code: r.code, at: r.at.toISOString() }))
      return { favourites: copy(favourites), recent: copy(recent) }
    },
  }
}
