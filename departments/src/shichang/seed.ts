// 市场监管 stand-in seeding: a 营业执照 for about one adult in fourteen — mostly 个体工商户, some one-person
// companies — with a 统一社会信用代码 whose check characters are right.
import { makeUscc } from '@ysx/shared'
import type { Cohort, SeedStore } from '../harness'
import { addDays, addYears, ageOn, certificateStatus, cityShort, dayOf, dice, regionOf, street } from '../harness'

const TRADE_NAMES = ['兴盛', '嘉和', '福满', '万家', '顺德', '佳美', '金源', '永隆', '华丰', '新意']
const TRADES = [
  ['便利店', '日用百货、预包装食品零售'],
  ['餐饮店', '餐饮服务；食品销售'],
  ['五金店', '五金产品、建筑材料零售'],
  ['服装店', '服装服饰零售'],
  ['美发店', '理发及美容服务'],
  ['电器维修部', '日用电器修理'],
  ['水果店', '新鲜水果零售'],
] as const

export function seedShichang(c: Cohort, store: SeedStore): void {
  for (const p of c.people) {
    const d = dice(c.seed, p.index, 'shichang')
    const age = ageOn(p.birthDate, c.ref)
    if (age < 20 || age > 70 || !d.chance(0.07)) continue
    const r = regionOf(p)
    const company = d.chance(0.3)
    const [trade, scope] = d.pick(TRADES)
    const trading = d.pick(TRADE_NAMES)
    const creditCode = makeUscc(
      company ? '91' : '92',
      r.code,
      String((p.index * 7919 + 5) % 100_000_000).padStart(8, '0'),
    )
    const adult = addYears(p.birthDate, 20)
    const establishedOn = addDays(adult, d.int(0, Math.max(0, dayOf(c.ref) - dayOf(adult) - 30)))
    const expiryDate = company && d.chance(0.3) ? addYears(establishedOn, 20) : null
    store.certificate(p.index, {
      type: 'business_licence',
      certificateNumber: creditCode,
      issueDate: establishedOn,
      expiryDate,
      status: certificateStatus(d, c.ref, expiryDate),
      issuingAuthority: `${r.city}${r.district}市场监督管理局`,
      details: {
        creditCode,
        entityName: company
          ? `${cityShort(r)}${trading}${trade.replace(/店|部$/, '')}有限公司`
          : `${r.district || r.city}${trading}${trade}`,
        entityType: company ? '有限责任公司（自然人独资）' : '个体工商户',
        legalRepresentative: p.name,
        registeredCapital: company ? d.int(1, 50) * 100_000 : null,
        establishedOn,
        businessScope: scope,
        address: `${r.place}${street(d)}${d.int(1, 300)}号首层`,
      },
    })
  }
}
