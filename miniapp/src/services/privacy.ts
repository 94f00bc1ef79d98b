// 个人信息与隐私 service: the copy of the citizen's data (downloaded as a JSON file) and closing the account.
import Taro from '@tarojs/taro'
import { type PersonalDataExport, privacyContracts } from '@ysx/shared'
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
  const text = JSON.stringify(copy, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = EXPORT_FILE
    document.body.appendChild(link)
    link.click()
    link.remove()
    URL.revokeObjectURL(url)
    return EXPORT_FILE
  }
  const file = `${Taro.env.USER_DATA_PATH}/${EXPORT_FILE}`
  Taro.getFileSystemManager().writeFileSync(file, text, 'utf8')
  return file
}

/** Closes the account for good (needs a fresh face verification); the local tokens go with it. */
export async function closeAccount(): Promise<string> {
  const { closedAt } = await request(privacyContracts.closeAccount, { body: { confirm: true } })
  clearTokens()
  return closedAt
}
