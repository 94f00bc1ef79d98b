// BFF contract: the public keys that verify what the BFF signs (certificate presentations, health codes), as a JWKS.
import { defineContracts } from '../contract'
import { z } from '../z'
import { keysExamples } from './examples/keys'

export const PublicJwkSchema = z.object({
  kty: z.literal('EC').describe('密钥类型'),
  crv: z.literal('P-256').describe('曲线'),
  x: z.string().describe('公钥 x 坐标（base64url）'),
  y: z.string().describe('公钥 y 坐标（base64url）'),
  kid: z.string().describe('密钥编号：签名头中的 kid 据此选钥'),
  alg: z.literal('ES256').describe('算法：只用 ES256'),
  use: z.literal('sig').describe('用途：签名'),
})
export type PublicJwk = z.infer<typeof PublicJwkSchema>

export const JwksSchema = z.object({
  keys: z.array(PublicJwkSchema).describe('当前签名钥与仍在过渡期内的旧钥'),
})

export const keysContracts = defineContracts({
  jwks: {
    method: 'GET',
    path: '/.well-known/jwks.json',
    summary: '验签公钥集（JWKS）：核验方可离线缓存；轮换时旧钥在过渡期内仍保留',
    tag: 'keys',
    examples: keysExamples.jwks,
    responses: { 200: JwksSchema },
  },
})
