// Administrative divisions (GB/T 2260, 中华人民共和国行政区划代码): Guangdong's 21 prefecture-level cities with their
// districts, counties and county-level cities, and the other provincial-level divisions as wholes (trips outside
// Guangdong are declared by province). Six-digit codes; a code's prefix names every division inside it: 440100 广州市
// holds 4401xx, 440000 广东省 holds 44xxxx. 东莞市 and 中山市 have no districts (不设区的地级市): the city is the leaf.
// Names are the official ones (zh-CN); a place a citizen picks is always one of these codes, never typed text.
import { z } from '../z'

/** A prefecture-level city of Guangdong and its county-level divisions (code → name, in code order). */
interface City {
  name: string
  divisions: Record<string, string>
}

export const GUANGDONG = '440000'

export const GUANGDONG_CITIES: Readonly<Record<string, City>> = {
  '440100': {
    name: '广州市',
    divisions: {
      '440103': '荔湾区',
      '440104': '越秀区',
      '440105': '海珠区',
      '440106': '天河区',
      '440111': '白云区',
      '440112': '黄埔区',
      '440113': '番禺区',
      '440114': '花都区',
      '440115': '南沙区',
      '440117': '从化区',
      '440118': '增城区',
    },
  },
  '440200': {
    name: '韶关市',
    divisions: {
      '440203': '武江区',
      '440204': '浈江区',
      '440205': '曲江区',
      '440222': '始兴县',
      '440224': '仁化县',
      '440229': '翁源县',
      '440232': '乳源瑶族自治县',
      '440233': '新丰县',
      '440281': '乐昌市',
      '440282': '南雄市',
    },
  },
  '440300': {
    name: '深圳市',
    divisions: {
      '440303': '罗湖区',
      '440304': '福田区',
      '440305': '南山区',
      '440306': '宝安区',
      '440307': '龙岗区',
      '440308': '盐田区',
      '440309': '龙华区',
      '440310': '坪山区',
      '440311': '光明区',
    },
  },
  '440400': { name: '珠海市', divisions: { '440402': '香洲区', '440403': '斗门区', '440404': '金湾区' } },
  '440500': {
    name: '汕头市',
    divisions: {
      '440507': '龙湖区',
      '440511': '金平区',
      '440512': '濠江区',
      '440513': '潮阳区',
      '440514': '潮南区',
      '440515': '澄海区',
      '440523': '南澳县',
    },
  },
  '440600': {
    name: '佛山市',
    divisions: { '440604': '禅城区', '440605': '南海区', '440606': '顺德区', '440607': '三水区', '440608': '高明区' },
  },
  '440700': {
    name: '江门市',
    divisions: {
      '440703': '蓬江区',
      '440704': '江海区',
      '440705': '新会区',
      '440781': '台山市',
      '440783': '开平市',
      '440784': '鹤山市',
      '440785': '恩平市',
    },
  },
  '440800': {
    name: '湛江市',
    divisions: {
      '440802': '赤坎区',
      '440803': '霞山区',
      '440804': '坡头区',
      '440811': '麻章区',
      '440823': '遂溪县',
      '440825': '徐闻县',
      '440881': '廉江市',
      '440882': '雷州市',
      '440883': '吴川市',
    },
  },
  '440900': {
    name: '茂名市',
    divisions: { '440902': '茂南区', '440904': '电白区', '440981': '高州市', '440982': '化州市', '440983': '信宜市' },
  },
  '441200': {
    name: '肇庆市',
    divisions: {
      '441202': '端州区',
      '441203': '鼎湖区',
      '441204': '高要区',
      '441223': '广宁县',
      '441224': '怀集县',
      '441225': '封开县',
      '441226': '德庆县',
      '441284': '四会市',
    },
  },
  '441300': {
    name: '惠州市',
    divisions: { '441302': '惠城区', '441303': '惠阳区', '441322': '博罗县', '441323': '惠东县', '441324': '龙门县' },
  },
  '441400': {
    name: '梅州市',
    divisions: {
      '441402': '梅江区',
      '441403': '梅县区',
      '441422': '大埔县',
      '441423': '丰顺县',
      '441424': '五华县',
      '441426': '平远县',
      '441427': '蕉岭县',
      '441481': '兴宁市',
    },
  },
  '441500': {
    name: '汕尾市',
    divisions: { '441502': '城区', '441521': '海丰县', '441523': '陆河县', '441581': '陆丰市' },
  },
  '441600': {
    name: '河源市',
    divisions: {
      '441602': '源城区',
      '441621': '紫金县',
      '441622': '龙川县',
      '441623': '连平县',
      '441624': '和平县',
      '441625': '东源县',
    },
  },
  '441700': {
    name: '阳江市',
    divisions: { '441702': '江城区', '441704': '阳东区', '441721': '阳西县', '441781': '阳春市' },
  },
  '441800': {
    name: '清远市',
    divisions: {
      '441802': '清城区',
      '441803': '清新区',
      '441821': '佛冈县',
      '441823': '阳山县',
      '441825': '连山壮族瑶族自治县',
      '441826': '连南瑶族自治县',
      '441881': '英德市',
      '441882': '连州市',
    },
  },
  '441900': { name: '东莞市', divisions: {} },
  '442000': { name: '中山市', divisions: {} },
  '445100': { name: '潮州市', divisions: { '445102': '湘桥区', '445103': '潮安区', '445122': '饶平县' } },
  '445200': {
    name: '揭阳市',
    divisions: { '445202': '榕城区', '445203': '揭东区', '445222': '揭西县', '445224': '惠来县', '445281': '普宁市' },
  },
  '445300': {
    name: '云浮市',
    divisions: { '445302': '云城区', '445303': '云安区', '445321': '新兴县', '445322': '郁南县', '445381': '罗定市' },
  },
}

/** The other provincial-level divisions, as whole destinations of a trip. */
export const OTHER_PROVINCES: Readonly<Record<string, string>> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '320000': '江苏省',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
}

const CITY_OF = new Map<string, string>()
for (const [city, c] of Object.entries(GUANGDONG_CITIES)) {
  CITY_OF.set(city, city)
  for (const code of Object.keys(c.divisions)) CITY_OF.set(code, city)
}

/** Every code listed here: Guangdong, its cities and their divisions, and the other provinces. */
export const isDivisionCode = (code: string): boolean =>
  code === GUANGDONG || CITY_OF.has(code) || Object.hasOwn(OTHER_PROVINCES, code)

/**
 * A place precise enough for a venue: a district, county or county-level city of Guangdong, or a city without
 * districts (东莞市, 中山市). A city that has districts is not a place a venue is in.
 */
export const isVenueAreaCode = (code: string): boolean => {
  const city = CITY_OF.get(code)
  if (city === undefined) return false
  return city !== code || Object.keys(GUANGDONG_CITIES[city]!.divisions).length === 0
}

/** The full name of a division: 广州市荔湾区, 东莞市, 广东省, 北京市; undefined for a code not listed. */
export function divisionName(code: string): string | undefined {
  if (code === GUANGDONG) return '广东省'
  // Own entries only: `in` would also find toString, constructor and __proto__ on the table's prototype.
  if (Object.hasOwn(OTHER_PROVINCES, code)) return OTHER_PROVINCES[code]
  const city = CITY_OF.get(code)
  if (city === undefined) return undefined
  const c = GUANGDONG_CITIES[city]!
  return city === code ? c.name : `${c.name}${c.divisions[code]!}`
}

/** The code's prefix that names every division inside it: 440100 → 4401, 440000 → 44, 440103 → 440103. */
export const divisionPrefix = (code: string): string => code.replace(/(00)+$/, '')

/**
 * Whether the place `code` lies within the flagged division `area`: the flagged code's prefix starts the place's
 * code. A city-level flag (440100) covers its districts (440103); a district (440104) covers only itself, never a
 * sibling (440103) nor its city as a whole (440100).
 */
export const withinDivision = (code: string, area: string): boolean =>
  isDivisionCode(code) && isDivisionCode(area) && code.startsWith(divisionPrefix(area))

export const DivisionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: '请选择行政区划（6 位代码）' })
  .refine(isDivisionCode, { message: '不是已知的行政区划代码' })
  .describe('行政区划代码（GB/T 2260，6 位，如 440103 广州市荔湾区）')

export const VenueAreaCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { message: '请选择场所所在的区县' })
  .refine(isVenueAreaCode, { message: '请选择广东省内的区县（东莞市、中山市选城市本身）' })
  .describe('场所所在区县的行政区划代码（GB/T 2260，6 位；东莞市 441900、中山市 442000 不设区）')
