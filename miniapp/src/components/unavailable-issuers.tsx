// The line naming the certificate issuers that could not answer (卡包, and 我的证照 on the dashboard); nothing when all did.
import { Text } from '@tarojs/components'
import { departmentName, useT } from '../i18n'

export function UnavailableIssuers({ departments, className }: { departments: string[]; className: string }) {
  const t = useT()
  if (!departments.length) return null
  return (
    <Text className={className}>
      {t('dashboard.issuersUnavailable', { departments: departments.map(departmentName).join('、') })}
    </Text>
  )
}
