// Examples for the API docs: 服务大厅, as a citizen's app sends and receives them (from the catalogue in
// bff/catalogue/services.json, lists shortened). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

const residencePermit = {
  code: '440100GA101',
  name: '居住证申领',
  department: 'gongan',
  authority: '广州市公安局',
  level: 'city',
  city: '440100',
  channel: 'once',
  promisedDays: 6,
  paperless: false,
}
const rentWithdrawal = {
  code: '440100GJ101',
  name: '住房公积金提取（租房）',
  department: 'gongjijin',
  authority: '广州市住房公积金管理中心',
  level: 'city',
  city: '440100',
  channel: 'online',
  promisedDays: 1,
  paperless: true,
}

export const hallExamples = {
  search: {
    query: { q: 'gjj tiqu', city: '440100', page: 1 },
    responses: { 200: { items: [rentWithdrawal], total: 1, page: 1, pageSize: 20 } },
  },
  hot: {
    query: { city: '440100' },
    responses: { 200: { items: [rentWithdrawal, residencePermit] } },
  },
  guide: {
    params: { code: '440100GA101' },
    responses: {
      200: {
        code: '440100GA101',
        name: '居住证申领',
        department: 'gongan',
        authority: '广州市公安局',
        level: 'city',
        city: '440100',
        channel: 'once',
        events: ['housing', 'employment', 'school'],
        summary: '在居住地居住半年以上，符合合法稳定就业、住所或就读条件之一的，申领居住证。',
        materials: [
          { name: '居民身份证', evidence: 'A', credential: 'id_card' },
          { name: '本人近期免冠证件照片（电子版）', evidence: 'C' },
          { name: '居住登记凭证（合法稳定住所、就业或就读证明）', evidence: 'B' },
        ],
        limits: { statutory: 15, promised: 6 },
        fee: { yuan: 0 },
        legalBasis: ['《居住证暂行条例》（国务院令第663号）第九条', '《广东省流动人口服务管理条例》'],
        keywords: ['居住证办理', '办居住证', '流动人口登记', '暂住证'],
        favourite: null,
      },
    },
  },
  recent: { responses: { 200: { items: [residencePermit] } } },
  favourites: { responses: { 200: { items: [rentWithdrawal] } } },
  addFavourite: { params: { code: '440100GJ101' } },
  removeFavourite: { params: { code: '440100GJ101' } },
} satisfies Record<string, RouteExamples>
