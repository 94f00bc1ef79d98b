// Examples for the API docs: 下载我的数据 and 注销账号, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const privacyExamples = {
  exportData: {
    responses: {
      200: {
        format: 'ysx-personal-data/1',
        exportedAt: '2026-12-02T19:09:08.181Z',
        account: {
          userId: 'fe6abadf-045e-46d9-85f1-2dbd2e415cbc',
          level: 'real_name',
          name: '黄燕',
          idNumber: '441302198512130545',
          phone: '15204755045',
          createdAt: '2026-12-02T19:09:06.996Z',
          realNameAt: '2026-12-02T19:09:07.118Z',
          lastFaceVerifiedAt: '2026-12-02T19:09:07.241Z',
        },
        sessions: [
          {
            id: 'e4baa2b6-c987-4ee7-9d43-96a36775987a',
            createdAt: '2026-12-02T19:09:06.996Z',
            absoluteExpiresAt: '2027-01-01T19:09:06.996Z',
            revokedAt: null,
            revokedReason: null,
          },
        ],
        wallet: {
          credentials: [
            {
              id: 'YFTiJpqdE7k6rCx7uXWjWA',
              cardId: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
              profile: 'hotel',
              issuedAt: '2026-12-02T19:09:07.667Z',
              expiresAt: '2026-12-03T19:09:07.000Z',
            },
          ],
          presentations: [
            {
              credentialId: 'YFTiJpqdE7k6rCx7uXWjWA',
              verifiedAt: '2026-12-02T19:09:07.696Z',
              outcome: 'accepted',
            },
          ],
        },
        dataUse: [
          {
            id: 'fcd6cb25-c5d3-4b9f-b42c-242d614e3351',
            department: 'gongan',
            dataKind: '人脸核身（姓名、身份证号与证件照比对）',
            purpose: '实名认证（人脸核身）',
            caseId: null,
            askedBy: null,
            outcome: 'served',
            at: '2026-12-02T19:09:07.118Z',
          },
          {
            id: '99240d6e-d36a-467d-97e7-d4e94ab4d146',
            department: 'gongan',
            dataKind: '人脸核身（姓名、身份证号与证件照比对）',
            purpose: '刷脸验证（敏感操作前的身份确认）',
            caseId: null,
            askedBy: null,
            outcome: 'served',
            at: '2026-12-02T19:09:07.240Z',
          },
        ],
        healthCode: {
          family: [
            {
              id: 'BDukJII0epWOelikkevmmg',
              maskedName: '*帅',
              relation: 'parent',
              consentMethod: 'member',
              consentVersion: '2026-11-v1',
              addedAt: '2026-12-02T19:09:08.127Z',
              removedAt: null,
            },
          ],
          familyOf: [],
          declarations: [
            {
              id: 'RVpbTRUzIPvNIB173mg6Xg',
              holder: 'self',
              kind: 'health',
              content: {
                temperature: 36.5,
                symptoms: [],
                closeContact: false,
              },
              declaredAt: '2026-12-02T19:09:07.762Z',
              effectiveAt: '2026-12-02T19:09:07.762Z',
              voidedAt: null,
            },
          ],
          checkIns: [
            {
              id: '57GbyQQob2i8QtAUnpMc6w',
              holder: 'self',
              venueName: '老西关糖水铺',
              areaCode: '440103',
              at: '2026-12-02T19:09:07.900Z',
              voidedAt: null,
            },
          ],
          venues: [
            {
              id: 'mrWaxyNAnrZAkjy3Uc-__w',
              name: '老西关糖水铺',
              areaCode: '440103',
              creditCode: '92441302009344475D',
              address: '广州市荔湾区上下九步行街 88 号',
              createdAt: '2026-12-02T19:09:07.874Z',
            },
          ],
          appeals: [
            {
              appealId: 'WJ20261203000001',
              holder: 'self',
              rule: 'yellow.risk_venue',
              targetKind: 'check_in',
              targetId: '57GbyQQob2i8QtAUnpMc6w',
              filedAt: '2026-12-02T19:09:07.000Z',
              decision: null,
              decidedAt: null,
            },
          ],
          statuses: [
            {
              holder: 'self',
              colour: 'green',
              ruleVersion: '2026-11-v1',
              evaluatedAt: '2026-12-02T19:09:07.998Z',
              validUntil: '2026-12-02T19:10:07.998Z',
            },
          ],
        },
        feedback: [],
        services: {
          favourites: [{ code: '440100GJ101', at: '2026-12-02T19:09:07.512Z' }],
          recent: [{ code: '440100GJ101', at: '2026-12-02T19:09:07.402Z' }],
        },
        audit: [
          {
            at: '2026-12-02T19:09:07.011Z',
            action: 'login',
            outcome: 'success',
            reason: null,
            ip: '127.0.0.1',
          },
          {
            at: '2026-12-02T19:09:07.048Z',
            action: 'face.start',
            outcome: 'success',
            reason: null,
            ip: '127.0.0.1',
          },
        ],
      },
    },
  },
  closeAccount: {
    body: {
      confirm: true,
    },
    responses: {
      200: {
        closedAt: '2026-12-02T11:20:31.000Z',
      },
    },
  },
} satisfies Record<string, RouteExamples>
