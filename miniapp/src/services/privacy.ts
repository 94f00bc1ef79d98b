// 个人信息与隐私 service: the copy of the citizen's data (downloaded as a JSON file) and closing the account.
import { type PersonalDataExport, privacyContracts } from '@ysx/shared'
import { saveJsonFile } from '../platform'
import { request } from './client'
import { clearTokens } from './token-store'

export const EXPORT_FILE = 'ysx-personal-data.json'

/** Everything the platform holds about the citizen; needs a fresh face verification (else STEP_UP_REQUIRED). */
export function exportData(): Promise<PersonalDataExport> {
  return request(privacyContracts.exportData)
}

/**
 * Saves the copy as a JSON file: H5 downloads it through the browser; the weapp writes it to the app's user-data
 * folder. Returns where it went, for the notice.
 */
export function saveExport(copy: PersonalDataExport): string {
  return saveJsonFile(EXPORT_FILE, JSON.stringify(copy, null, 2))
}

/** Closes the account for good (needs a fresh face verification); the local tokens go with it. */
export async function closeAccount(): Promise<string> {
  const { closedAt } = await request(privacyContracts.closeAccount, { body: { confirm: true } })
  clearTokens()
  return closedAt
}
