// Examples for the API docs: 粤康码, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

const device = {
  x: '4F_Pa8zNIe8K7uNLbXabMgZdLNDV1uk19l_pbAAMd5Q',
  y: 'Utl0rgDObOgw5--qSEt6QIHfPKenMXNya4wWWwkGK_o',
}

/** The code both displays answer (the conditional GET and the POST before it). */
const shown = {
  holder: 'self',
  maskedName: '*燕',
  colour: 'green',
  reasons: [],
  negativeTestWithinHours: null,
  ruleVersion: '2026-11-v1',
  evaluatedAt: '2026-12-02T19:09:07.337Z',
  validUntil: '2026-12-02T23:09:07.337Z',
  credential:
    'eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC1oYyIsImtpZCI6ImVzLUhVQS14LUVrdnVVbTNEeVQifQ.eyJjIjoicjdlRVloY1dzQkZacmZmQ0NjQTJCZyIsImhjIjoiZyIsImsiOnsieCI6IjRGX1BhOHpOSWU4Szd1TkxiWGFiTWdaZExORFYxdWsxOWxfcGJBQU1kNVEiLCJ5IjoiVXRsMHJnRE9iT2d3NS0tcVNFdDZRSUhmUEtlbk1YTnlhNHdXV3drR0tfbyJ9LCJlIjoxNzk2MjUzMDY3LCJ2IjoiMjAyNi0xMS12MSIsImkiOjE3OTYyMzg1NDd9.f2Xj-d0vo3-W_Dnrsj5u2SvYGT4B2sSVvse6vMIsRFBkGZhihw6T9cUk94ugkrLjOeRXEG64nBJtcp86q2wz-w',
  credentialExpiresAt: '2026-12-02T23:11:07.000Z',
}

export const healthCodeExamples = {
  code: {
    params: {
      holder: 'self',
    },
    query: device,
    responses: {
      200: shown,
    },
  },
  show: {
    params: {
      holder: 'self',
    },
    body: {
      deviceKey: { kty: 'EC', crv: 'P-256', ...device },
    },
    responses: {
      200: shown,
    },
  },
  verify: {
    body: {
      code: 'eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC1oYyIsImtpZCI6ImVzLUhVQS14LUVrdnVVbTNEeVQifQ.eyJjIjoicjdlRVloY1dzQkZacmZmQ0NjQTJCZyIsImhjIjoiZyIsImsiOnsieCI6IjRGX1BhOHpOSWU4Szd1TkxiWGFiTWdaZExORFYxdWsxOWxfcGJBQU1kNVEiLCJ5IjoiVXRsMHJnRE9iT2d3NS0tcVNFdDZRSUhmUEtlbk1YTnlhNHdXV3drR0tfbyJ9LCJlIjoxNzk2MjUzMDY3LCJ2IjoiMjAyNi0xMS12MSIsImkiOjE3OTYyMzg1NDd9.f2Xj-d0vo3-W_Dnrsj5u2SvYGT4B2sSVvse6vMIsRFBkGZhihw6T9cUk94ugkrLjOeRXEG64nBJtcp86q2wz-w~eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC1rYiJ9.eyJpIjoxNzk2MjM4NTQ3LCJqIjoiZUQtR3dBcXVDMkU1IiwiaCI6IkczdTFLa3JCM1BLdGZmM1Nxdl8wOVEifQ.M85N2FNM2Y5DaDe_Legoye8Z38Y2K1iam8tIqB3-QP4eFOgu_PiWUQc9kOkJbHY4jUb-vSKTrgcNUy5sr9aoYg',
    },
    responses: {
      200: {
        colour: 'green',
        presentedAt: '2026-12-02T19:09:07.000Z',
        checks: ['signature', 'device', 'freshness', 'current', 'replay'],
      },
    },
  },
  declare: {
    params: {
      holder: 'self',
    },
    body: {
      kind: 'health',
      temperature: 36.5,
      symptoms: [],
      closeContact: false,
    },
    responses: {
      201: {
        declarationId: 'RVpbTRUzIPvNIB173mg6Xg',
        declaredAt: '2026-12-02T19:09:07.762Z',
        status: {
          holder: 'self',
          maskedName: '*燕',
          colour: 'green',
          reasons: [],
          negativeTestWithinHours: null,
          ruleVersion: '2026-11-v1',
          evaluatedAt: '2026-12-02T19:09:07.769Z',
          validUntil: '2026-12-02T23:09:07.769Z',
        },
      },
    },
  },
  registerVenue: {
    body: {
      creditCode: '92441302009344475D',
      name: '老西关糖水铺',
      areaCode: '440103',
      address: '广州市荔湾区上下九步行街 88 号',
    },
    responses: {
      201: {
        name: '老西关糖水铺',
        areaCode: '440103',
        area: '广州市荔湾区',
        venueId: 'mrWaxyNAnrZAkjy3Uc-__w',
        address: '广州市荔湾区上下九步行街 88 号',
        code: 'YSXV1.mrWaxyNAnrZAkjy3Uc-__w.7EI7ngJQASYEKZMTwLehTN',
        createdAt: '2026-12-02T19:09:07.874Z',
      },
    },
  },
  previewVenue: {
    body: {
      venueCode: 'YSXV1.mrWaxyNAnrZAkjy3Uc-__w.7EI7ngJQASYEKZMTwLehTN',
    },
    responses: {
      200: {
        name: '老西关糖水铺',
        areaCode: '440103',
        area: '广州市荔湾区',
      },
    },
  },
  venues: {
    responses: {
      200: {
        venues: [
          {
            name: '老西关糖水铺',
            areaCode: '440103',
            area: '广州市荔湾区',
            venueId: 'mrWaxyNAnrZAkjy3Uc-__w',
            address: '广州市荔湾区上下九步行街 88 号',
            code: 'YSXV1.mrWaxyNAnrZAkjy3Uc-__w.7EI7ngJQASYEKZMTwLehTN',
            createdAt: '2026-12-02T19:09:07.874Z',
          },
        ],
      },
    },
  },
  checkIn: {
    params: {
      holder: 'self',
    },
    body: {
      venueCode: 'YSXV1.mrWaxyNAnrZAkjy3Uc-__w.7EI7ngJQASYEKZMTwLehTN',
    },
    responses: {
      201: {
        checkIn: {
          checkInId: '57GbyQQob2i8QtAUnpMc6w',
          venueName: '老西关糖水铺',
          areaCode: '440103',
          area: '广州市荔湾区',
          at: '2026-12-02T19:09:07.900Z',
        },
        status: {
          holder: 'self',
          maskedName: '*燕',
          colour: 'green',
          reasons: [],
          negativeTestWithinHours: null,
          ruleVersion: '2026-11-v1',
          evaluatedAt: '2026-12-02T19:09:07.901Z',
          validUntil: '2026-12-02T19:19:07.901Z',
        },
      },
    },
  },
  checkIns: {
    params: {
      holder: 'self',
    },
    responses: {
      200: {
        checkIns: [
          {
            checkInId: '57GbyQQob2i8QtAUnpMc6w',
            venueName: '老西关糖水铺',
            areaCode: '440103',
            area: '广州市荔湾区',
            at: '2026-12-02T19:09:07.900Z',
          },
        ],
      },
    },
  },
  appeal: {
    params: {
      holder: 'self',
    },
    body: {
      rule: 'yellow.risk_venue',
      target: {
        kind: 'check_in',
        id: '57GbyQQob2i8QtAUnpMc6w',
      },
      statement: '当天我在外地出差，没有到过该场所，签到是家人误用我的手机扫码。',
    },
    responses: {
      201: {
        appealId: 'WJ20261203000001',
        rule: 'yellow.risk_venue',
        status: 'pending',
        filedAt: '2026-12-02T19:09:07.000Z',
        decidedAt: null,
        note: null,
      },
    },
  },
  appeals: {
    params: {
      holder: 'self',
    },
    responses: {
      200: {
        appeals: [
          {
            appealId: 'WJ20261203000001',
            rule: 'yellow.risk_venue',
            status: 'pending',
            filedAt: '2026-12-02T19:09:07.000Z',
            decidedAt: null,
            note: null,
          },
        ],
      },
    },
  },
  transfer: {
    params: {
      holder: 'self',
    },
    body: {
      destination: 'macau',
      consent: true,
    },
    responses: {
      201: {
        payload:
          'eyJhbGciOiJFUzI1NiIsInR5cCI6InlzeC1oYy10cmFuc2ZlciIsImtpZCI6ImVzLUhVQS14LUVrdnVVbTNEeVQifQ.eyJpc3MiOiJodHRwczovL3lzeC1vcGVuLmdkLmdvdi5jbiIsImF1ZCI6Im1vLWhlYWx0aC1jb2RlIiwibiI6Ium7hOeHlSIsImhjIjoiZ3JlZW4iLCJudCI6IjIwMjYtMTEtMDciLCJ2IjoiMjAyNi0xMS12MSIsImlhdCI6MTc5NjIzODU0OCwiZXhwIjoxNzk2MzI0OTQ4fQ.P2xybYZyeVc8G7DhE5meIMyCowNHnpRKrYXAOfBaqx2JVhRlKjVwE04FRjqnB6iGaWvhrptxd_qan1tXh_gZUg',
        format: 'ysx-hc-transfer+jws',
        colour: 'green',
        negativeTestDate: '2026-11-07',
        expiresAt: '2026-12-03T19:09:08.000Z',
      },
    },
  },
  family: {
    responses: {
      200: {
        members: [],
      },
    },
  },
  familyFaceChallenge: {
    responses: {
      201: {
        verifyId: 'a3caf609-e73d-406b-9236-dc930c003db2',
        digits: '925228',
        expiresAt: '2026-12-02T19:11:08.084Z',
        purpose: 'family_consent',
      },
    },
  },
  familyRequests: {
    responses: {
      200: {
        requests: [],
      },
    },
  },
  addFamily: {
    body: {
      name: '倪帅',
      idNumber: '440104200111180112',
      relation: 'sibling',
      consent: {
        accepted: true,
        method: 'member',
        version: '2026-11-v1',
      },
    },
    responses: {
      201: {
        id: 'BDukJII0epWOelikkevmmg',
        maskedName: '*帅',
        relation: 'sibling',
        status: 'pending',
        consentVersion: '2026-11-v1',
        consentMethod: 'member',
        addedAt: '2026-12-02T19:09:08.127Z',
      },
    },
  },
  acceptFamily: {
    params: {
      holder: 'pV3sQm8LxT2nYc6RkW1zAg',
    },
    responses: {
      200: {
        id: 'pV3sQm8LxT2nYc6RkW1zAg',
        askedBy: '*华',
        relation: 'child',
        status: 'active',
        consentMethod: 'member',
        consentVersion: '2026-11-v1',
        requestedAt: '2026-12-02T08:15:42.000Z',
      },
    },
  },
  withdrawFamily: {
    params: {
      holder: 'pV3sQm8LxT2nYc6RkW1zAg',
    },
  },
  removeFamily: {
    params: {
      holder: 'BDukJII0epWOelikkevmmg',
    },
  },
  testResultNotice: {
    body: {
      resultId: '5b0e2c1a-7d4f-4e8b-9a61-3c2f8d9e1b47',
      idNumber: '441302198512130545',
      reportedAt: '2026-12-02T10:32:00+08:00',
    },
    responses: {
      200: {
        status: 'applied',
      },
    },
  },
} satisfies Record<string, RouteExamples>
