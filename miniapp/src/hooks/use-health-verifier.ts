// 核验健康码 at an entrance: the one 核验 policy (use-code-verifier) for 粤康码; what passes is the colour and the
// time the QR was made, nothing else about the person.
import { type HealthColour } from '@ysx/shared'
import { verifyHealthCode } from '@ysx/shared/credential'
import { t } from '../i18n'
import { verify as verifyOnline } from '../services/health-code'
import { type CodeVerifier, useCodeVerifier } from './use-code-verifier'

export interface HealthPresented {
  colour: HealthColour
  presentedAt: number
}

export const healthCodeVerifier: CodeVerifier<HealthPresented, { colour: HealthColour; signedAt?: number }> = {
  online: async (code) => {
    const v = await verifyOnline(code)
    return { colour: v.colour, presentedAt: Date.parse(v.presentedAt) }
  },
  offline: verifyHealthCode,
  fromOffline: (c, issuedAt) => ({ colour: c.colour, presentedAt: issuedAt * 1000 }),
  signedAt: (c) => c.signedAt,
  offlineMessage: (failure) =>
    failure === 'keys_unavailable'
      ? t('healthCode.verify.keysUnavailable')
      : failure === 'expired'
        ? t('healthCode.verify.expired')
        : t('healthCode.verify.invalid'),
}

export const useHealthVerifier = () => useCodeVerifier(healthCodeVerifier, t('healthCode.verify.emptyInput'))
