// 服务大厅 routes: search, hot services, the guide, and the signed-in citizen's recent and favourite services; and the
// city the citizen chose (remembered on this device). The contracts, and zod with them, are loaded with the first
// call, not with the 服务 tab (the weapp's main package has little room).
import { GUANGDONG, GUANGDONG_CITIES, type hallContracts } from '@ysx/shared'
import Taro from '@tarojs/taro'
import { request, requestAsWhoever, type RequestInput, type ResponseOf } from './client'

const contracts = async () => (await import(/* webpackExports: ["hallContracts"] */ '@ysx/shared')).hallContracts

export type ServiceList = ResponseOf<typeof hallContracts.search>
export type ServiceItem = ServiceList['items'][number]
export type ServiceGuide = ResponseOf<typeof hallContracts.guide>
export type SearchInput = NonNullable<RequestInput<typeof hallContracts.search>['query']>

export const search = async (query: SearchInput): Promise<ServiceList> => request((await contracts()).search, { query })
export const hot = async (city: string) => request((await contracts()).hot, { query: { city } })
/** The guide; signed in, opening it makes it the citizen's most recent service. */
export const guide = async (code: string): Promise<ServiceGuide> =>
  requestAsWhoever((await contracts()).guide, { params: { code } })
export const recent = async () => request((await contracts()).recent)
export const favourites = async () => request((await contracts()).favourites)
export const addFavourite = async (code: string) => request((await contracts()).addFavourite, { params: { code } })
export const removeFavourite = async (code: string) =>
  request((await contracts()).removeFavourite, { params: { code } })

const CITY_STORAGE = 'ysx.city'
/** Where the hall starts before the citizen chooses: the provincial capital. */
export const DEFAULT_CITY = '440100'

/** The city the citizen chose last (or 全省), DEFAULT_CITY when none is stored or storage cannot be read. */
export function storedCity(): string {
  try {
    const stored = Taro.getStorageSync<unknown>(CITY_STORAGE)
    if (typeof stored === 'string' && (stored === GUANGDONG || Object.hasOwn(GUANGDONG_CITIES, stored))) return stored
  } catch {
    // storage unreadable: the default
  }
  return DEFAULT_CITY
}

export function storeCity(city: string): void {
  try {
    Taro.setStorageSync(CITY_STORAGE, city)
  } catch {
    // not remembered; the choice still holds on this page
  }
}
