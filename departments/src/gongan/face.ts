// 公安 face check (人脸核身) stand-in: name + ID number against the register, similarity to the ID photo, liveness.
// Deterministic failure cases, so tests and demos can reach every outcome:
//   - a sample whose image contains the marker SPOOF fails liveness; one containing NOT-ME fails similarity;
//   - citizens whose population index ≡ 13 (mod 97) always fail liveness, ≡ 7 (mod 89) always fail similarity.
// The sample is scored and dropped: no image bytes are written anywhere.
import type { ZodTypeProvider } from '@fastify/type-provider-zod'
import { fromContract, gonganFaceContracts } from '@ysx/shared'
import type { FastifyInstance } from 'fastify'
import { DepartmentError, mix } from '../harness'

export interface RegisteredPerson {
  name: string
  phone: string
  personIndex: number
}

const decodes = (image: string, marker: string) => {
  try {
    return image.includes(marker) || Buffer.from(image, 'base64').toString('latin1').includes(marker)
  } catch {
    return false
  }
}

export function registerFaceRoutes(
  app: FastifyInstance,
  find: (idNumber: string) => RegisteredPerson | undefined,
): void {
  /** POST /v1/face/check — score a face sample for a claimed identity */
  app.withTypeProvider<ZodTypeProvider>().route({
    ...fromContract(gonganFaceContracts.checkFace),
    handler: async (req) => {
      const { idNumber, name, challengeDigits, sample } = req.body
      const person = find(idNumber)
      if (!person) throw new DepartmentError('CITIZEN_NOT_FOUND')
      const identityMatch = person.name === name
      const jitter = (mix(person.personIndex, sample.image.length) % 60) / 1000
      const liveness = decodes(sample.image, 'SPOOF') || person.personIndex % 97 === 13 ? 0.12 + jitter : 0.9 + jitter
      const similarity =
        !identityMatch || decodes(sample.image, 'NOT-ME') || person.personIndex % 89 === 7
          ? 0.31 + jitter
          : 0.92 + jitter
      return {
        identityMatch,
        digitsMatch: sample.spokenDigits === challengeDigits,
        similarity: Math.min(1, similarity),
        liveness: Math.min(1, liveness),
        phone: identityMatch ? person.phone : null,
      }
    },
  })
}
