// 交管 rules the stand-in follows: offences with their fines and points, the 12-point scoring cycle, licence
// terms (6 years, then 10, then long-term), plates and vehicles.
import { addDays, addYears, type Dice } from '../harness'

/** [behaviour, fine in 元, points], weighted by repetition toward the common ones. */
export const OFFENCES: readonly (readonly [string, number, number])[] = [
  ['机动车违反规定停放、临时停车且驾驶人不在现场，妨碍其他车辆、行人通行的', 200, 0],
  ['机动车违反规定停放、临时停车且驾驶人不在现场，妨碍其他车辆、行人通行的', 200, 0],
  ['机动车违反禁止标线指示的', 200, 1],
  ['机动车违反禁止标线指示的', 200, 1],
  ['机动车不按规定车道行驶的', 100, 1],
  ['驾驶人未按规定使用安全带的', 50, 1],
  ['驾驶机动车时拨打接听手持电话的', 100, 3],
  ['机动车行经人行横道时未按规定减速、停车、避让行人的', 200, 3],
  ['驾驶机动车在城市道路上行驶超过规定时速20%以上未达到50%的', 200, 3],
  ['驾驶机动车不按交通信号灯指示通行的', 200, 6],
  ['驾驶机动车在高速公路上行驶超过规定时速50%以上的', 2000, 12],
]

export const LICENCE_CLASSES = ['C1', 'C1', 'C1', 'C1', 'C1', 'C1', 'C1', 'C2', 'C2', 'B2', 'A1', 'A2', 'D'] as const

/** The current term of a licence first issued on `first`: 6 years, then 10, then long-term. */
export function licenceTerm(first: string, ref: string): { issueDate: string; expiryDate: string | null } {
  const six = addYears(first, 6)
  if (ref < six) return { issueDate: first, expiryDate: six }
  const sixteen = addYears(first, 16)
  if (ref < sixteen) return { issueDate: six, expiryDate: sixteen }
  return { issueDate: sixteen, expiryDate: null }
}

/** The scoring cycle containing `ref`: from the latest anniversary of the first issue, for one year. */
export function pointsCycle(first: string, ref: string): { cycleStart: string; cycleEnd: string } {
  let years = Number(ref.slice(0, 4)) - Number(first.slice(0, 4))
  if (addYears(first, years) > ref) years -= 1
  const cycleStart = addYears(first, years)
  return { cycleStart, cycleEnd: addDays(addYears(cycleStart, 1), -1) }
}

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'
/** Five plate characters for a number below 34^5, distinct for distinct numbers. */
export function plateTail(n: number): string {
  let out = ''
  for (let i = 0, v = n; i < 5; i += 1, v = Math.floor(v / 34)) out = PLATE_CHARS[v % 34]! + out
  return out
}

export const VEHICLES = [
  ['比亚迪秦PLUS DM-i', '插电式混合动力', '小型轿车', 'LGX'],
  ['丰田卡罗拉', '汽油', '小型轿车', 'LFM'],
  ['本田雅阁', '汽油', '小型轿车', 'LHG'],
  ['大众朗逸', '汽油', '小型轿车', 'LSV'],
  ['日产轩逸', '汽油', '小型轿车', 'LGB'],
  ['广汽传祺GS4', '汽油', '小型越野客车', 'LMG'],
  ['小鹏P7', '纯电动', '小型轿车', 'L1N'],
  ['广汽埃安AION S', '纯电动', '小型轿车', 'LMG'],
  ['特斯拉Model 3', '纯电动', '小型轿车', 'LRW'],
  ['五菱宏光', '汽油', '小型普通客车', 'LZW'],
  ['江铃顺达', '汽油', '轻型普通货车', 'LEF'],
] as const

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'
export const vin = (d: Dice, prefix: string): string =>
  prefix + Array.from({ length: 14 }, () => d.pick([...VIN_CHARS])).join('')
