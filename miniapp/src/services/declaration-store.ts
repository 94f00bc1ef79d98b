// The declarations made on this phone, per holder (newest first, a few kept): 申诉 offers them as the record it is about,
// since the BFF has no route that lists declarations.
import Taro from '@tarojs/taro'
import { z } from '@ysx/shared/z'
import type { Holder } from './health-code'

export const DECLARATIONS_STORAGE = 'ysx.health.declarations'
const KEPT = 10

const DeclaredSchema = z.object({ id: z.string(), kind: z.enum(['health', 'trip']), declaredAt: z.string() })
export type Declared = z.infer<typeof DeclaredSchema>
const StoredSchema = z.record(z.string(), z.array(DeclaredSchema))

function readAll(): Record<string, Declared[]> {
  const parsed = StoredSchema.safeParse(Taro.getStorageSync<unknown>(DECLARATIONS_STORAGE))
  return parsed.success ? parsed.data : {}
}

export function declarationsOf(holder: Holder): Declared[] {
  return readAll()[holder] ?? []
}

export function keepDeclaration(holder: Holder, declared: Declared): void {
  const all = readAll()
  const list = [declared, ...(all[holder] ?? []).filter((d) => d.id !== declared.id)].slice(0, KEPT)
  Taro.setStorageSync(DECLARATIONS_STORAGE, { ...all, [holder]: list })
}
