// en: the error messages, one per error code.
import type { Catalogue } from '../zh-CN'

export const errors: Catalogue['errors'] = {
  VALIDATION_FAILED: 'Some of the information you submitted is not valid. Please check it and try again.',
  BAD_REQUEST: 'The request is not in the right format.',
  AUTH_REQUIRED: 'Please sign in first.',
  AUTH_TOKEN_INVALID: 'Your sign-in is not valid. Please sign in again.',
  AUTH_TOKEN_EXPIRED: 'Your sign-in has expired. Please sign in again.',
  AUTH_CODE_INVALID: 'The WeChat authorisation is no longer valid. Please sign in again.',
  AUTH_REFRESH_INVALID: 'Your sign-in has expired. Please sign in again.',
  AUTH_REFRESH_REUSED:
    'We detected unusual sign-in activity and have signed you out of all related sessions. Please sign in again.',
  SIGNATURE_REQUIRED: 'The call is not signed: sign the request as RFC 9421 describes.',
  SIGNATURE_INVALID: 'The call signature is not valid: it does not match the request or the key is not registered.',
  SIGNATURE_EXPIRED: 'The call signature has expired or its time is wrong. Sign the request again.',
  SIGNATURE_REPLAYED: 'This signature has already been used. Replayed calls are refused.',
  OPERATOR_AUTH_REQUIRED: 'This administration endpoint needs a valid operator token.',
  REAL_NAME_REQUIRED: 'Please verify your identity first.',
  STEP_UP_REQUIRED: 'To protect your information, please verify your face first.',
  NOT_FOUND: 'We could not find what you were looking for.',
  ROUTE_NOT_FOUND: 'This endpoint does not exist. Please check the address.',
  CITIZEN_NOT_FOUND: 'No record was found for this person.',
  CONFLICT: 'This action conflicts with another change. Please refresh and try again.',
  IDENTITY_ALREADY_BOUND: 'This identity is already linked to another account. Please contact customer service.',
  FACE_CHALLENGE_NOT_FOUND: 'This verification is no longer valid. Please start face verification again.',
  FACE_CHALLENGE_USED: 'This verification has already been used. Please start face verification again.',
  FACE_CHALLENGE_EXPIRED: 'This verification has timed out. Please start face verification again.',
  FACE_DIGITS_MISMATCH: 'The digits you read out were not correct. Please try again.',
  FACE_IDENTITY_MISMATCH: 'The name and ID card number do not match. Please check them and try again.',
  FACE_NOT_MATCHED: 'Your face did not match. Please do this yourself, in good light.',
  FACE_LIVENESS_FAILED: 'The liveness check failed. Please face the camera and try again.',
  FACE_ATTEMPTS_EXCEEDED: 'Too many failed face verifications today. Please try again tomorrow.',
  FACE_SAMPLE_NOT_ACCEPTED: 'Only a live camera image is accepted here. Please allow the camera and try again.',
  PRESENTATION_INVALID:
    'This certificate code is not valid or has been tampered with. Ask the holder to refresh it and show it again.',
  PRESENTATION_EXPIRED: 'This certificate code has expired. Ask the holder to refresh it and show it again.',
  PRESENTATION_REPLAYED:
    'This certificate code has already been checked. Ask the holder to refresh it and show it again.',
  CERTIFICATE_NOT_VALID: 'This certificate is not currently valid and cannot be shown.',
  PROFILE_NOT_APPLICABLE: 'This certificate cannot be shown in the way you chose.',
  VENUE_CODE_INVALID: 'This venue code cannot be read. Please scan the venue code posted at the entrance.',
  VENUE_NOT_REPRESENTATIVE:
    'You are not the legal representative (operator) of this business as registered with market regulation, so you cannot apply for its venue codes.',
  VENUE_LICENCE_NOT_VALID: 'This business licence is not currently valid, so you cannot apply for venue codes.',
  VENUE_LIMIT_REACHED: 'A business can have at most 20 venue codes.',
  HEALTH_CODE_SUPERSEDED:
    'This health code no longer shows the holder’s current status. Ask the holder to refresh it and show it again.',
  HEALTH_CODE_INVALID:
    'This health code is not valid or has been tampered with. Ask the holder to refresh it and show it again.',
  HEALTH_CODE_EXPIRED:
    'This health code has expired (screenshots are not valid). Ask the holder to open the live code.',
  HEALTH_CODE_REPLAYED: 'This health code has already been checked. Ask the holder to refresh it and show it again.',
  CALLBACK_REFUSED: 'The callback failed the signature check (signature missing, not valid or out of date).',
  CALLBACK_REPLAYED: 'This callback has already been received (a replay) and was not processed again.',
  FAMILY_MEMBER_NOT_CONFIRMED:
    'We could not confirm this family member’s identity or consent. Please check and try again.',
  FAMILY_MEMBER_EXISTS: 'This family member is already on your list.',
  FAMILY_LIMIT_REACHED: 'You can add at most 10 family members.',
  FAMILY_ATTEMPTS_EXCEEDED: 'Too many failed attempts to add a family member today. Please try again tomorrow.',
  DECLARATION_DATES_INVALID:
    'The trip dates are not valid: you can only declare trips in the last 30 days, ending no later than today.',
  SERVICE_NOT_FOUND: 'This service could not be found; it may have changed or been withdrawn. Please search again.',
  FAVOURITES_LIMIT_REACHED: 'You can keep at most 50 favourite services; remove some first.',
  ACCOUNT_CLOSED: 'This account has been closed.',
  PAYLOAD_TOO_LARGE: 'What you submitted is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not supported. Please use JSON.',
  RATE_LIMITED: 'Too many requests. Please try again later.',
  INTERNAL: 'Something went wrong on our side. Please try again later.',
  UPSTREAM_BAD_RESPONSE: 'A department’s system returned data we could not read. Please try again later.',
  UPSTREAM_UNAVAILABLE: 'A department’s system cannot be reached at the moment. Please try again later.',
  OVERLOADED: 'The service is busy. Please try again later.',
  UPSTREAM_TIMEOUT: 'A department’s system took too long to reply. Please try again later.',
}
