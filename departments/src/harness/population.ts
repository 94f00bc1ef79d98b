// The synthetic population every stand-in department derives its records from: citizen i is a pure function of
// (seed, i), so a citizen's records agree across departments without any department reading another's data.
import { fakerZH_CN as faker } from '@faker-js/faker'
import { makeIdNumber } from '@ysx/shared'

/** Guangdong districts: GB/T 2260 code and the address prefix. */
export const REGIONS = [
  ['440103', '广东省广州市荔湾区'],
  ['440104', '广东省广州市越秀区'],
  ['440105', '广东省广州市海珠区'],
  ['440106', '广东省广州市天河区'],
  ['440111', '广东省广州市白云区'],
  ['440303', '广东省深圳市罗湖区'],
  ['440304', '广东省深圳市福田区'],
  ['440305', '广东省深圳市南山区'],
  ['440306', '广东省深圳市宝安区'],
  ['440402', '广东省珠海市香洲区'],
  ['440507', '广东省汕头市龙湖区'],
  ['440604', '广东省佛山市禅城区'],
  ['440703', '广东省江门市蓬江区'],
  ['440802', '广东省湛江市赤坎区'],
  ['441302', '广东省惠州市惠城区'],
  ['441900', '广东省东莞市'],
  ['442000', '广东省中山市'],
  ['445102', '广东省潮州市湘桥区'],
] as const

const ETHNICITIES = [
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '汉族',
  '壮族',
  '瑶族',
  '畲族',
  '回族',
  '满族',
]
const STREETS = [
  '中山路',
  '人民路',
  '解放路',
  '建设路',
  '东风路',
  '新港路',
  '滨江路',
  '环市路',
  '工业大道',
  '学府路',
  '幸福路',
  '朝阳街',
  '文明路',
  '青年路',
  '和平路',
  '迎宾大道',
]
const FIRST_DAY = Date.UTC(1945, 0, 1)
const DAYS = 29_200 // birth dates from 1945 to 2024
const SLOTS = REGIONS.length * DAYS
const STRIDE = 104_729 // a prime coprime with SLOTS: i → slot is a bijection, so ID numbers never collide

export interface Person {
  index: number
  idNumber: string
  name: string
  gender: 'male' | 'female'
  birthDate: string
  ethnicity: string
  address: string
  phone: string
}

/** splitmix32: a small integer hash, enough to spread deterministic choices. */
export function mix(a: number, b = 0): number {
  let z = (a ^ Math.imul(b, 0x9e3779b9)) >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

export function person(seed: number, index: number): Person {
  const slot = (index * STRIDE) % SLOTS
  const round = Math.floor(index / SLOTS) // < 10 keeps the sequence within 3 digits
  const [code, place] = REGIONS[slot % REGIONS.length]!
  const day = Math.floor(slot / REGIONS.length)
  const birth = new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10)
  const h = mix(seed, index)
  const sequence = round * 100 + (h % 100)
  const gender = sequence % 2 === 1 ? 'male' : 'female'
  faker.seed(h)
  const name = faker.person.lastName() + faker.person.firstName(gender)
  const address = `${place}${STREETS[mix(h, 4) % STREETS.length]}${1 + (mix(h, 5) % 300)}号`
  const phone = `1${3 + (mix(h, 1) % 7)}${String(mix(h, 2) % 1_000_000_000).padStart(9, '0')}`
  return {
    index,
    idNumber: makeIdNumber(code, birth.replaceAll('-', ''), sequence),
    name,
    gender,
    birthDate: birth,
    ethnicity: ETHNICITIES[mix(h, 3) % ETHNICITIES.length]!,
    address,
    phone,
  }
}
