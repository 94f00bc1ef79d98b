// Data use's part of the citizen's PIPL rights: the whole record of department calls made for them in their copy
// (Art. 45), and its deletion when the account closes (Art. 47).
import type { DataAccessRecord } from '@ysx/shared'
import type { DataAccessRepository } from './data-use-repository'

export interface DataUsePersonalData {
  export(userId: string): Promise<DataAccessRecord[]>
  erase(userId: string): Promise<void>
}

export function createDataUsePersonalData(repo: DataAccessRepository): DataUsePersonalData {
  return {
    async export(userId) {
      return (await repo.allOf(userId)).map(({ userId: _u, at, ...r }) => ({ ...r, at: at.toISOString() }))
    },
    erase: (userId) => repo.eraseFor(userId),
  }
}
