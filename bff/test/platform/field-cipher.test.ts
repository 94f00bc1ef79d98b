// The field cipher: a sealed value names its key version and opens only where it was sealed (table, column, row).
import { createFieldCipher } from '../../src/platform/field-cipher'

const key1 = 'k7Qp2vX9mZ4tR8wB1nC6yH3jL5sD0fGa-one'
const key2 = 'k7Qp2vX9mZ4tR8wB1nC6yH3jL5sD0fGa-two'
const at = { table: 'users', column: 'id_number_sealed', row: 'user-a' }

test('a value sealed for one place opens there and nowhere else (row, column, table)', () => {
  const cipher = createFieldCipher(key1)
  const sealed = cipher.encrypt('44010619900101123X', at)
  expect(cipher.decrypt(sealed, at)).toBe('44010619900101123X')
  for (const other of [{ row: 'user-b' }, { column: 'name_sealed' }, { table: 'family_members' }])
    expect(() => cipher.decrypt(sealed, { ...at, ...other })).toThrow()
})

test('the key version is in the value: a retired key still opens what it sealed, new values use the current one', () => {
  const old = createFieldCipher({ current: { version: 1, key: key1 } })
  const sealedByOld = old.encrypt('13800138000', at)
  expect(sealedByOld.split('.')[1]).toBe('k1')
  const rotated = createFieldCipher({ current: { version: 2, key: key2 }, retired: { 1: key1 } })
  expect(rotated.decrypt(sealedByOld, at)).toBe('13800138000')
  expect(rotated.encrypt('x', at).split('.')[1]).toBe('k2')
  expect(() => createFieldCipher({ current: { version: 2, key: key2 } }).decrypt(sealedByOld, at)).toThrow()
})

test('a key version rewritten, a truncated tag or a value sealed for another purpose does not open', () => {
  const cipher = createFieldCipher({ current: { version: 2, key: key2 }, retired: { 1: key1 } })
  const sealed = cipher.encrypt('secret', at)
  const parts = sealed.split('.')
  expect(() => cipher.decrypt([parts[0], 'k1', ...parts.slice(2)].join('.'), at)).toThrow()
  expect(() => cipher.decrypt([...parts.slice(0, 4), parts[4]!.slice(0, 6)].join('.'), at)).toThrow()
  expect(() =>
    createFieldCipher(key2, 'ysx-signing-key-seal').decrypt(createFieldCipher(key2).encrypt('k', at), at),
  ).toThrow()
})
