// Real-name face verification: a digit challenge to read aloud, then the sample with name and ID number.
import { bffContracts, type FaceChallenge, type Profile } from '@ysx/shared'
import type { z } from 'zod'
import { request } from './client'

export type FaceVerifyInput = z.input<typeof bffContracts.face.verify.body>
export type FaceSample = FaceVerifyInput['sample']

export function start(): Promise<FaceChallenge> {
  return request(bffContracts.face.start)
}

/** Submits the sample; resolves with the profile (now real-name), rejects with the FACE_* code that failed. */
export function verify(input: FaceVerifyInput): Promise<Profile> {
  return request(bffContracts.face.verify, { body: input })
}
