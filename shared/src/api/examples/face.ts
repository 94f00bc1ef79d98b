// Examples for the API docs: face verification, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const faceExamples = {
  start: {
    responses: {
      201: {
        verifyId: '1ac479c3-8394-42bc-9da7-1e3977f88c82',
        digits: '470988',
        expiresAt: '2026-12-02T19:11:07.167Z',
        purpose: 'step_up',
      },
    },
  },
  verify: {
    body: {
      verifyId: '1ac479c3-8394-42bc-9da7-1e3977f88c82',
      // 实名认证：首次刷脸时附姓名与身份证号（已实名用户的刷脸验证不填这两项）
      name: '黄燕',
      idNumber: '441302198512130545',
      sample: {
        kind: 'standin',
        image: '',
        spokenDigits: '470988',
      },
    },
    responses: {
      200: {
        userId: 'fe6abadf-045e-46d9-85f1-2dbd2e415cbc',
        level: 'real_name',
        name: '*燕',
        idNumber: '441***********0545',
        phone: '152****5045',
        realNameAt: '2026-12-02T19:09:07.118Z',
        lastFaceVerifiedAt: '2026-12-02T19:09:07.241Z',
      },
    },
  },
} satisfies Record<string, RouteExamples>
