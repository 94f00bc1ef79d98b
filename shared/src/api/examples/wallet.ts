// Examples for the API docs: 卡包, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const walletExamples = {
  list: {
    responses: {
      200: {
        cards: [
          {
            id: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
            type: 'id_card',
            title: '居民身份证',
            department: 'gongan',
            status: 'valid',
            number: '441***********0545',
            holderName: '*燕',
            issueDate: '2016-03-31',
            expiryDate: '2036-03-31',
            issuingAuthority: '惠州市****',
          },
          {
            id: 'vdRmkzQb5d-mcvU0rMeOdB01S8aGI8FT',
            type: 'household_register',
            title: '居民户口簿',
            department: 'gongan',
            status: 'valid',
            number: '*****0118',
            holderName: '*燕',
            issueDate: '2025-04-24',
            expiryDate: null,
            issuingAuthority: '惠州市****',
          },
        ],
        unavailableFrom: [],
      },
    },
  },
  show: {
    params: {
      id: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
    },
    responses: {
      200: {
        id: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
        type: 'id_card',
        title: '居民身份证',
        department: 'gongan',
        status: 'valid',
        number: '441***********0545',
        holderName: '*燕',
        issueDate: '2016-03-31',
        expiryDate: '2036-03-31',
        issuingAuthority: '惠州市****',
        fields: [
          {
            key: 'ethnicity',
            value: '汉族',
          },
          {
            key: 'address',
            value: '广东省惠州市****',
          },
          {
            key: 'validityYears',
            value: '20',
          },
        ],
      },
    },
  },
  reveal: {
    params: {
      id: 'G8tHp2KkYggOjq463t8Cqa_srg6W8IBz',
    },
    responses: {
      200: {
        number: '441302198512130545',
        holderName: '黄燕',
        issuingAuthority: '惠州市公安局惠城分局',
        fields: [
          {
            key: 'ethnicity',
            value: '汉族',
          },
          {
            key: 'birthDate',
            value: '1985-12-13',
          },
          {
            key: 'address',
            value: '广东省惠州市惠城区环市路87号',
          },
          {
            key: 'validityYears',
            value: '20',
          },
        ],
      },
    },
  },
} satisfies Record<string, RouteExamples>
