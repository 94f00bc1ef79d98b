// services/hall.ts: the guide is asked as the citizen when one is signed in (so it is recorded as their most recent
// and says whether they marked it) and anonymously otherwise; search sends the city and the words as query
// parameters; the city chosen is remembered, and a stored value that is no Guangdong city is ignored.
import * as hall from '../src/services/hall'
import { saveTokens } from '../src/services/token-store'
import { replyWith, requestMock, sent, storage } from './taro-mock'

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: jest.requireActual<typeof import('./taro-mock')>('./taro-mock').taro,
}))

const tokens = { accessToken: 'access-1', accessExpiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 3600 }
const guide = {
  code: '440100GJ101',
  name: '住房公积金提取（租房）',
  department: 'gongjijin',
  authority: '广州市住房公积金管理中心',
  level: 'city',
  city: '440100',
  channel: 'online',
  events: ['housing'],
  summary: '在本市无自有住房且租房自住的缴存职工提取住房公积金。',
  materials: [{ name: '居民身份证', evidence: 'A', credential: 'id_card' }],
  limits: { statutory: 5, promised: 1 },
  fee: { yuan: 0 },
  legalBasis: ['《住房公积金管理条例》第二十四条'],
  keywords: ['租房提取'],
  favourite: null,
}

beforeEach(() => {
  requestMock.mockReset()
  storage.clear()
})

it('asks for a guide anonymously when no one is signed in', async () => {
  replyWith(200, guide)
  await expect(hall.guide('440100GJ101')).resolves.toMatchObject({ name: guide.name, favourite: null })
  expect(sent()).toMatchObject({ url: '/v1/services/440100GJ101', method: 'GET' })
  expect(sent().header).not.toHaveProperty('Authorization')
})

it('asks for a guide as the citizen when one is signed in', async () => {
  saveTokens(tokens)
  replyWith(200, { ...guide, favourite: true })
  await expect(hall.guide('440100GJ101')).resolves.toMatchObject({ favourite: true })
  expect(sent()).toMatchObject({ header: { Authorization: 'Bearer access-1' } })
})

it('searches with the words and the city as query parameters', async () => {
  replyWith(200, { items: [], total: 0, page: 1, pageSize: 20 })
  await hall.search({ q: 'gjj tiqu', city: '440300' })
  expect(sent().url).toBe('/v1/services?q=gjj%20tiqu&city=440300&page=1')
})

it('remembers the city chosen, starts in 广州市, and ignores a stored value that is no city of Guangdong', () => {
  expect(hall.storedCity()).toBe(hall.DEFAULT_CITY)
  hall.storeCity('440300')
  expect(hall.storedCity()).toBe('440300')
  storage.set('ysx.city', '110000')
  expect(hall.storedCity()).toBe(hall.DEFAULT_CITY)
})
