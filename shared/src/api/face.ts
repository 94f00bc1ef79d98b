// BFF contracts: real-name face verification — a read-aloud digit challenge, then the sample checked by 公安.
import { UPSTREAM_ERRORS, defineContracts } from '../contract'
import { IdNumberSchema } from '../domain/id-number'
import { ChineseNameSchema } from '../domain/name'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema, ProfileSchema } from './auth'
import { faceExamples } from './examples/face'

export const FaceChallengeSchema = z.object({
  verifyId: z.string().uuid().describe('本次验证编号（一次性）'),
  digits: z
    .string()
    .regex(/^\d{4,6}$/)
    .describe('请用户朗读的 4–6 位数字'),
  expiresAt: z.string().datetime().describe('过期时间（签发后 2 分钟）'),
  purpose: z
    .enum(['real_name', 'step_up', 'family_consent'])
    .describe(
      'real_name：实名认证，需提交姓名与身份证号；step_up：已实名，只需刷脸（不再填写姓名与身份证号）；family_consent：代亲友，亲友本人在添加人的手机上刷脸',
    ),
})
export type FaceChallenge = z.infer<typeof FaceChallengeSchema>

/** A face sample. `camera`: a frame from the device camera; `standin`: the labelled stand-in where no camera exists. */
export const FaceSampleSchema = z
  .object({
    kind: z.enum(['camera', 'standin']).describe('camera：摄像头画面；standin：无摄像头时的模拟样本（明确标注）'),
    image: z.string().max(400_000).describe('画面，base64（JPEG）；模拟样本可为空串'),
    spokenDigits: z
      .string()
      .regex(/^\d{0,8}$/)
      .describe('活体识别听写到的数字'),
  })
  .strict()

export const FaceVerifyBodySchema = z
  .object({
    verifyId: z.string().uuid().describe('挑战编号'),
    name: ChineseNameSchema.optional().describe('姓名：实名认证时必填；已实名用户刷脸验证时不填'),
    idNumber: IdNumberSchema.optional().describe('身份证号：实名认证时必填；已实名用户刷脸验证时不填'),
    sample: FaceSampleSchema,
  })
  .strict()

export const faceContracts = defineContracts({
  start: {
    method: 'POST',
    path: '/v1/face/challenges',
    summary: '开始刷脸验证：签发朗读数字挑战（2 分钟内有效，一次性）',
    tag: 'face',
    examples: faceExamples.start,
    errors: ['FACE_ATTEMPTS_EXCEEDED'],
    headers: BearerHeadersSchema,
    responses: { 201: FaceChallengeSchema, 401: ErrorEnvelopeSchema, 429: ErrorEnvelopeSchema },
  },
  verify: {
    method: 'POST',
    path: '/v1/face/verifications',
    summary: '提交刷脸样本（实名认证时附姓名、身份证号），公安比对通过后完成实名或本会话的刷脸验证（不保存任何影像）',
    tag: 'face',
    examples: faceExamples.verify,
    errors: [
      'FACE_CHALLENGE_NOT_FOUND',
      'FACE_CHALLENGE_USED',
      'FACE_CHALLENGE_EXPIRED',
      'FACE_DIGITS_MISMATCH',
      'FACE_IDENTITY_MISMATCH',
      'FACE_NOT_MATCHED',
      'FACE_LIVENESS_FAILED',
      'FACE_SAMPLE_NOT_ACCEPTED',
      'FACE_ATTEMPTS_EXCEEDED',
      'IDENTITY_ALREADY_BOUND',
      ...UPSTREAM_ERRORS,
    ],
    headers: BearerHeadersSchema,
    body: FaceVerifyBodySchema,
    bodyLimit: 600_000,
    responses: {
      200: ProfileSchema,
      400: ErrorEnvelopeSchema,
      401: ErrorEnvelopeSchema,
      404: ErrorEnvelopeSchema,
      409: ErrorEnvelopeSchema,
      410: ErrorEnvelopeSchema,
      422: ErrorEnvelopeSchema,
      429: ErrorEnvelopeSchema,
    },
  },
})
