// 核验证照: the one 核验 policy (use-code-verifier) for 亮证 codes; what passes is the certificate type, the profile,
// the disclosed fields and when the QR was made.
import { type PresentationClaims, verifyPresentation } from '@ysx/shared/credential'
import { t } from '../i18n'
import { verifyOnline } from '../services/wallet'
import { type CodeVerifier, useCodeVerifier } from './use-code-verifier'

/** What a passing 亮证 shows: the credential's claims and when the QR was made (ms). */
export type Presented = PresentationClaims & { presentedAt: number }

export const presentationVerifier: CodeVerifier<Presented, PresentationClaims> = {
  online: async (code) => {
    const v = await verifyOnline(code)
    return { type: v.type, profile: v.profile, disclosed: v.disclosed, presentedAt: Date.parse(v.presentedAt) }
  },
  offline: verifyPresentation,
  fromOffline: (c, issuedAt) => ({
    type: c.type,
    profile: c.profile,
    disclosed: c.disclosed,
    presentedAt: issuedAt * 1000,
  }),
  signedAt: (c) => c.signedAt,
  offlineMessage: (failure) =>
    failure === 'keys_unavailable'
      ? t('verify.keysUnavailable')
      : t(failure === 'expired' ? 'errors.PRESENTATION_EXPIRED' : 'errors.PRESENTATION_INVALID'),
}

export const useVerifier = () => useCodeVerifier(presentationVerifier, t('verify.emptyInput'))
