// 公安 stand-in: the identity register on its own SQLite file, answering lookups by ID number, and the
// 居民身份证, 户口簿 and 居住证 it issued.
import { gonganContracts } from '@ysx/shared'
import { defineDepartment, type Subject } from '../harness'
import { type RegisteredPerson, registerFaceRoutes } from './face'
import * as schema from './schema'
import { seedGongan } from './seed'

export const standIn = defineDepartment({
  name: 'gongan',
  schema,
  seed: seedGongan,
  register: (_db, sqlite) => {
    const stmt = sqlite.prepare(
      'SELECT person_index AS "index", id_number AS idNumber, name, gender FROM citizens WHERE id_number = ?',
    )
    return (idNumber) => stmt.get(idNumber) as Subject | undefined
  },
  routes: ({ sqlite, app, rowOf, serve, serveCertificates }) => {
    const citizen = rowOf(schema.citizens)
    const members =
      sqlite.prepare(`SELECT c.name, c.id_number AS idNumber, c.gender, m.relation_to_head AS relationToHead
      FROM household_members m JOIN citizens c ON c.person_index = m.person_index
      WHERE m.household_number = ? ORDER BY m.relation_to_head <> '户主', m.person_index`)
    type Member = { name: string; idNumber: string; gender: 'male' | 'female'; relationToHead: string }

    /** POST /v1/citizens/lookup — a citizen's identity record by ID number; 404 when unknown */
    serve(gonganContracts.lookupCitizen, (s) => citizen(s.index)!)
    /** POST /v1/certificates/lookup — the 居民身份证, 户口簿 and 居住证 issued to a citizen */
    serveCertificates(gonganContracts.certificates, (row) => {
      if (row.type !== 'household_register') return {}
      const all = members.all(row.certificateNumber) as Member[]
      const { relationToHead: _r, ...head } = all[0]!
      return { head, members: all }
    })
    const guardiansOf = sqlite.prepare(`SELECT c.id_number AS idNumber, g.relation FROM guardians g
      JOIN citizens c ON c.person_index = g.guardian_index WHERE g.person_index = ? ORDER BY g.guardian_index`)
    /** POST /v1/guardians/lookup — a minor's parents or guardians in the same household; none for an adult */
    serve(gonganContracts.guardians, (s) => ({
      guardians: guardiansOf.all(s.index) as { idNumber: string; relation: '父亲' | '母亲' | '监护人' }[],
    }))
    const person = sqlite.prepare('SELECT name, phone, person_index AS personIndex FROM citizens WHERE id_number = ?')
    registerFaceRoutes(app, (idNumber) => person.get(idNumber) as RegisteredPerson | undefined)
  },
})
