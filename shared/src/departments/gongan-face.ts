// 公安 face-verification contract: name + ID number checked against the register, face similarity and liveness.
import { defineContracts } from '../contract'
import { IdNumberSchema } from '../domain/id-number'
import { ChineseNameSchema } from '../domain/name'
import { z } from '../z'
import { FaceSampleSchema } from '../api/face'
import { lookupContract } from './common'

export const FaceCheckBodySchema = z
  .object({
    idNumber: IdNumberSchema,
    name: ChineseNameSchema,
    challengeDigits: z
      .string()
      .regex(/^\d{4,6}$/)
      .describe('要求朗读的数字'),
    sample: FaceSampleSchema,
  })
  .strict()

export const FaceCheckResultSchema = z.object({
  identityMatch: z.boolean().describe('姓名与身份证号码是否与户籍登记一致'),
  digitsMatch: z.boolean().describe('朗读数字是否一致'),
  similarity: z.number().min(0).max(1).describe('与证件照的相似度'),
  liveness: z.number().min(0).max(1).describe('活体分数'),
  phone: z.string().nullable().describe('登记手机号（仅身份一致时返回）'),
})
export type FaceCheckResult = z.infer<typeof FaceCheckResultSchema>

export const gonganFaceContracts = defineContracts({
  // A citizen lookup (POST, call headers, 200/400/404) whose body carries the face sample besides the ID number.
  checkFace: {
    ...lookupContract(
      '人脸核身：比对姓名、身份证号与证件照，并给出活体分数（不保存影像）',
      'identity',
      '/v1/face/check',
      FaceCheckResultSchema,
    ),
    body: FaceCheckBodySchema,
    bodyLimit: 600_000,
  },
})
