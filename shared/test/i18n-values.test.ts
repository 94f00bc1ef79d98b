// The catalogue covers what certificates carry: a label for every field of every certificate type (else a page would
// show the field's path, e.g. issueDate), and a word in every locale for every Chinese value a department's contract
// allows (香港, 个人旅游, 缴存 …), read from the contracts themselves, so a new field or value fails here first.
import { catalogues, CERTIFICATE_TYPES, DEPARTMENTS } from '../src'
import type { z } from '../src/z'

/** The base fields every certificate has: the wallet shows them with their own labels. */
const BASE = new Set(['type', 'title', 'certificateNumber', 'status', 'issueDate', 'expiryDate', 'issuingAuthority'])

interface Found {
  keys: Set<string>
  values: Set<string>
}

/** Walks a schema: every object key below the certificate, and every enum or literal string value. */
function walk(schema: z.ZodType, found: Found, depth: number): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (depth > 0 || !BASE.has(key)) found.keys.add(key)
        walk(child, found, depth + 1)
      }
      break
    case 'array':
      walk(def.element as z.ZodType, found, depth)
      break
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      walk(def.innerType as z.ZodType, found, depth)
      break
    case 'union':
      for (const option of def.options as z.ZodType[]) walk(option, found, depth)
      break
    case 'pipe':
      walk(def.in as z.ZodType, found, depth)
      break
    case 'enum':
      for (const value of Object.values(def.entries as Record<string, unknown>))
        if (typeof value === 'string') found.values.add(value)
      break
    case 'literal':
      for (const value of def.values as unknown[]) if (typeof value === 'string') found.values.add(value)
      break
  }
}

/** What the certificates of every issuing department can carry. */
function certificateContents(): Found {
  const found: Found = { keys: new Set(), values: new Set() }
  for (const department of Object.values(DEPARTMENTS)) {
    const contracts = department.contracts as { certificates?: { responses: Record<number, z.ZodType> } }
    const reply = contracts.certificates?.responses[200]
    if (!reply) continue
    const shape = (reply as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape
    walk(shape.certificates!, found, 0)
  }
  return found
}

const contents = certificateContents()
// The holder, and the people a certificate names (head, members, spouse), are shown by their own fields.
const OWN_LABELS = new Set(['holder'])

test('the contracts were read: the certificates of every type, with their fields', () => {
  expect(contents.keys.size).toBeGreaterThan(40)
  expect(Object.values(CERTIFICATE_TYPES).filter((title) => !contents.values.has(title))).toEqual([])
})

test('every field a certificate carries has a label in the catalogue (wallet.fields), in every locale', () => {
  const unlabelled = [...contents.keys].filter((k) => !OWN_LABELS.has(k) && !(k in catalogues['zh-CN'].wallet.fields))
  expect(unlabelled).toEqual([])
})

test('every Chinese value a department’s contract allows is said in each locale’s words (values.terms)', () => {
  const titles = new Set<string>(Object.values(CERTIFICATE_TYPES))
  const chinese = [...contents.values].filter((v) => /\p{Script=Han}/u.test(v) && !titles.has(v))
  expect(chinese.length).toBeGreaterThan(20)
  const terms = catalogues.en.values.terms as Record<string, string>
  expect(chinese.filter((v) => !(v in terms))).toEqual([])
  // English says each in English.
  expect(chinese.filter((v) => /\p{Script=Han}/u.test(terms[v] ?? ''))).toEqual([])
})

test('every certificate type has its name in each locale (values.certificateTypes), zh-CN’s the contract’s title', () => {
  expect(catalogues['zh-CN'].values.certificateTypes).toEqual(CERTIFICATE_TYPES)
  for (const locale of ['zh-HK', 'en'] as const)
    expect(Object.keys(catalogues[locale].values.certificateTypes).sort()).toEqual(
      Object.keys(CERTIFICATE_TYPES).sort(),
    )
})
