// The masking policy's rules by example (shared/src/domain/mask.ts's table): what each kind keeps at each length,
// the share cap where the start gives way first, the all-stars floor, and addresses cut after the city.
import { keptPositions, maskAddress, maskAs, maskMiddle } from '../src'

test.each([
  ['idNumber', '44010619900307123X', '440***********123X'],
  ['name', '张三', '*三'],
  ['name', '张', '*'],
  ['phone', '13812345678', '138****5678'],
  ['plate', '粤A·12345', '粤A·***45'],
  ['vin', 'LSVNV2182E2100001', '*************0001'],
  ['birthDate', '1990-03-07', '**********'],
  // cardNumber: the last 4, never more than half.
  ['cardNumber', 'A12345678', '*****5678'],
  ['cardNumber', '12345678', '****5678'],
  ['cardNumber', '1234567', '****567'],
  ['cardNumber', '123456', '***456'],
  ['cardNumber', '12345', '*****'],
  // documentNumber: first 2 and last 4, never more than half: the start gives way first.
  ['documentNumber', 'GJ20261123000052', 'GJ**********0052'],
  ['documentNumber', 'GJ2026112300', 'GJ******2300'],
  ['documentNumber', 'AB12345678', 'A*****5678'],
  ['documentNumber', '12345678', '****5678'],
  ['documentNumber', '1234567', '*******'],
  ['documentNumber', '', ''],
] as const)('%s %s masks to %s', (kind, value, masked) => {
  expect(maskAs(kind, value)).toBe(masked)
})

test('kept positions are 0-based, the start ones then the end ones, and at least two are hidden', () => {
  expect(keptPositions('idNumber', 18)).toEqual([0, 1, 2, 14, 15, 16, 17])
  expect(keptPositions('documentNumber', 10)).toEqual([0, 6, 7, 8, 9])
  // Two hidden characters at least: 9 characters hide 2 and keep 3 + 4; 8 would hide 1, so none is kept.
  expect(keptPositions('phone', 9)).toEqual([0, 1, 2, 5, 6, 7, 8])
  expect(keptPositions('phone', 8)).toEqual([])
})

test('masking counts characters, not UTF-16 units: a name with a supplementary character keeps it whole', () => {
  expect(maskAs('name', '张𠀀')).toBe('*𠀀')
})

test('maskMiddle keeps the given ends and stars the middle; too short to keep both ends, all stars', () => {
  expect(maskMiddle('13812345678', 3, 4)).toBe('138****5678')
  expect(maskMiddle('1234567', 3, 4)).toBe('*******')
  expect(maskMiddle('12345678', 3, 4)).toBe('123*5678')
  expect(maskMiddle('张𠀀三', 0, 1)).toBe('**三')
})

test.each([
  ['广东省广州市天河区中山路12号', '广东省广州市****'],
  ['北京市朝阳区建国路1号', '北京市****'],
  ['深圳市南山区', '深圳市****'],
  ['新疆维吾尔自治区乌鲁木齐市天山区', '新疆维吾尔自治区乌鲁木齐市****'],
  ['广西壮族自治区南宁市青秀区', '广西壮族自治区南宁市****'],
  ['吉林省延边朝鲜族自治州延吉市', '吉林省延边朝鲜族自治州****'],
  ['西藏自治区阿里地区噶尔县', '西藏自治区阿里地区****'],
  ['内蒙古自治区锡林郭勒盟锡林浩特市', '内蒙古自治区锡林郭勒盟****'],
  ['广州市公安局天河分局', '广州市****'],
  ['东莞市公安局', '东莞市****'],
  ['广东省广州市****', '广东省广州市****'],
  ['广州市', '广州市'],
  ['中山路12号', '****'],
  ['天河区中山路1号', '****'],
  ['广东省', '****'],
  ['某某某某某某某某市', '****'],
  ['某某某某某某某市人民路', '某某某某某某某市****'],
  ['', ''],
])('the address %s masks to %s', (address, masked) => {
  expect(maskAddress(address)).toBe(masked)
  expect(maskAs('address', address)).toBe(masked)
})
