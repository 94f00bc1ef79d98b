// 粤澳转码: a signed payload a Macau-side verifier checks with our published keys (JWKS) and any JOSE library.
// Format (docs/health-code-transfer.md): compact JWS, ES256, header { typ: 'ysx-hc-transfer', kid }, claims
// { iss, aud, n: full name, hc: colour, nt: last negative test sample date (China time) or null, v, iat, exp }.
// Only with the citizen's consent (the contract requires it) after a fresh step-up (the route's), for themself or a
// member who consented, and audited.
import type { z } from '@ysx/shared/z'
import { chinaDate, type Locale, type TransferSchema } from '@ysx/shared'
import { CODE_TYP } from '@ysx/shared/credential'
import { signJws } from '../platform/jws'
import type { AuditContext, AuditService } from '../audit'
import type { KeyService } from '../keys'
import type { Holder } from './holders-service'
import type { HealthStatusService } from './status-service'

export const TRANSFER_TYP = CODE_TYP.healthTransfer
export const TRANSFER_ISSUER = 'https://ysx-open.gd.gov.cn'
export const TRANSFER_AUDIENCE = 'mo-health-code'
const TRANSFER_HOURS = 24

export interface TransferService {
  transfer(holder: Holder, locale: Locale, ctx: AuditContext): Promise<z.infer<typeof TransferSchema>>
}

export function createTransferService(d: {
  status: HealthStatusService
  keys: KeyService
  audit: AuditService
  now: () => Date
}): TransferService {
  return {
    async transfer(holder, locale, ctx) {
      const { status, facts } = await d.status.reevaluate(holder, locale)
      const iat = Math.floor(d.now().getTime() / 1000)
      const exp = iat + TRANSFER_HOURS * 3600
      const negativeTestDate = facts.latestNegative ? chinaDate(facts.latestNegative.getTime()) : null
      const claims = {
        iss: TRANSFER_ISSUER,
        aud: TRANSFER_AUDIENCE,
        n: await holder.fullName(),
        hc: status.colour,
        nt: negativeTestDate,
        v: status.ruleVersion,
        iat,
        exp,
      }
      const payload = await signJws({ alg: 'ES256', typ: TRANSFER_TYP }, claims, (build) => d.keys.signFor(build))
      await d.audit.record(
        {
          userId: holder.askerId,
          action: 'health_code.transfer',
          outcome: 'success',
          reason: `macau ${holder.id === 'self' ? 'self' : 'family'}`,
        },
        ctx,
      )
      return {
        payload,
        format: 'ysx-hc-transfer+jws',
        colour: status.colour,
        negativeTestDate,
        expiresAt: new Date(exp * 1000).toISOString(),
      }
    },
  }
}
