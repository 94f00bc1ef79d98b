// Chinese personal names: Han characters, with the middle dot used in minority and transliterated names.
import { maskAs } from './mask'
import { checkedString, maskedString } from './string-schemas'

const NAME_RE = /^[\u3400-\u9fff\uf900-\ufaff]+(?:[·•][\u3400-\u9fff\uf900-\ufaff]+)*$/u

export function isValidChineseName(value: string): boolean {
  const length = [...value].length
  return length >= 2 && length <= 20 && NAME_RE.test(value)
}

/** Masked form: every character but the last is hidden (张三 → *三, 欧阳明华 → ***华). */
export function maskName(value: string): string {
  return maskAs('name', value)
}

export const ChineseNameSchema = checkedString(
  isValidChineseName,
  '姓名应为 2–20 个汉字，少数民族姓名可含间隔号“·”',
).describe('中文姓名')

export const MaskedNameSchema = maskedString(/^\*+\S$/u, '脱敏后的姓名：只显示最后一个字')
