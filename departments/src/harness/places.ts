// Guangdong places and names the synthetic records use: cities and districts of the population's regions,
// offices, hospitals, employers, roads and plate letters.
import type { Dice } from './dice'
import { type Person, REGIONS } from './population'

export interface Region {
  code: string
  /** 广州市 */
  city: string
  /** 天河区, or '' for cities without districts (东莞市, 中山市) */
  district: string
  /** 广东省广州市天河区 */
  place: string
}

const PLATE_LETTERS: Record<string, string> = {
  广州市: 'A',
  深圳市: 'B',
  珠海市: 'C',
  汕头市: 'D',
  佛山市: 'E',
  湛江市: 'G',
  江门市: 'J',
  惠州市: 'L',
  东莞市: 'S',
  中山市: 'T',
  潮州市: 'U',
}

export const ALL_REGIONS: readonly Region[] = REGIONS.map(([code, place]) => {
  const [, city = '', district = ''] = /^广东省(.+?市)(.*)$/.exec(place) ?? []
  return { code, city, district, place }
})
const BY_CODE = new Map(ALL_REGIONS.map((r) => [r.code, r]))

/** The region of a citizen's 户籍 (the first six digits of the ID number). */
export const regionOf = (p: Person): Region => BY_CODE.get(p.idNumber.slice(0, 6))!

/** 广州市公安局天河分局 (or 东莞市公安局 where the city has no districts). */
export const policeBureau = (r: Region): string =>
  `${r.city}公安局${r.district ? `${r.district.replace(/区$/, '')}分局` : ''}`
export const cityShort = (r: Region): string => r.city.replace(/市$/, '')
export const plateLetter = (r: Region): string => PLATE_LETTERS[r.city] ?? 'A'

const STREETS = [
  '街口',
  '东圃',
  '新港',
  '石牌',
  '龙洞',
  '凤阳',
  '南华',
  '沙河',
  '西湖',
  '桂城',
  '石龙',
  '长安',
  '虎门',
  '松岗',
  '拱北',
]
export const street = (d: Dice): string => `${d.pick(STREETS)}街道`

const TRADE_NAMES = [
  '华南',
  '粤海',
  '珠江',
  '南方',
  '岭南',
  '鹏城',
  '羊城',
  '海湾',
  '恒通',
  '新创',
  '泰和',
  '嘉盛',
  '宏达',
  '信立',
]
const INDUSTRIES = [
  '科技',
  '贸易',
  '物流',
  '建筑工程',
  '餐饮管理',
  '电子',
  '医药',
  '服饰',
  '信息技术',
  '家具制造',
  '食品',
]
/** A plausible employer in the region: 广州岭南物流有限公司. */
export const employer = (d: Dice, r: Region): string =>
  `${cityShort(r)}${d.pick(TRADE_NAMES)}${d.pick(INDUSTRIES)}有限公司`

const HOSPITALS = ['第一人民医院', '中医院', '妇幼保健院', '第三人民医院', '中西医结合医院']
const PHARMACIES = ['大参林', '老百姓大药房', '国大药房', '采芝林', '一心堂']
export const hospital = (d: Dice, r: Region): string =>
  d.chance(0.4) && r.district ? `${r.city}${r.district}人民医院` : `${r.city}${d.pick(HOSPITALS)}`
export const pharmacy = (d: Dice, r: Region): string => `${d.pick(PHARMACIES)}（${r.district || cityShort(r)}店）`
export const healthCentre = (d: Dice, r: Region): string => `${r.city}${r.district}${street(d)}社区卫生服务中心`

const ROADS = [
  '广州大道',
  '环城高速',
  '深南大道',
  '广深高速',
  '北京路',
  '滨海大道',
  '中山大道',
  '东莞大道',
  '华南快速',
  '广园快速',
  '机场高速',
  '南沙港快速',
]
/** A place on a road: 广州市天河区广州大道与天河路交叉口 or 广深高速K35+200处. */
export const roadPlace = (d: Dice, r: Region): string =>
  d.chance(0.3)
    ? `${d.pick(ROADS)}K${d.int(1, 120)}+${d.int(0, 9)}00处`
    : `${r.city}${r.district}${d.pick(ROADS)}与${d.pick(ROADS)}交叉口`
