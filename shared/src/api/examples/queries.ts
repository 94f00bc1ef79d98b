// Examples for the API docs: the citizen's own records and 我的数据使用记录, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const queriesExamples = {
  medicalInsurance: {
    responses: {
      200: {
        account: {
          scheme: '城乡居民基本医疗保险',
          insuredPlace: '惠州市',
          status: '参保缴费',
          enrolledOn: '2008-01-08',
          balance: 0,
        },
        spending: [
          {
            date: '2025-12-12',
            institution: '一心堂（惠城区店）',
            category: '药店购药',
            total: 480.91,
            fundPaid: 0,
            accountPaid: 0,
            selfPaid: 480.91,
          },
        ],
      },
    },
  },
  contributions: {
    responses: {
      200: {
        from: '2024-12',
        to: '2026-11',
        months: [
          {
            month: '2026-11',
            employer: '惠州粤海科技有限公司',
            base: 15527,
            status: 'arrears',
            items: [
              {
                insurance: '养老保险',
                employerAmount: 2484.32,
                personalAmount: 1242.16,
              },
              {
                insurance: '医疗保险',
                employerAmount: 853.99,
                personalAmount: 310.54,
              },
              {
                insurance: '失业保险',
                employerAmount: 124.22,
                personalAmount: 31.05,
              },
              {
                insurance: '工伤保险',
                employerAmount: 62.11,
                personalAmount: 0,
              },
            ],
            total: 5108.39,
          },
          {
            month: '2026-10',
            employer: '惠州粤海科技有限公司',
            base: 15527,
            status: 'paid',
            items: [
              {
                insurance: '养老保险',
                employerAmount: 2484.32,
                personalAmount: 1242.16,
              },
              {
                insurance: '医疗保险',
                employerAmount: 853.99,
                personalAmount: 310.54,
              },
              {
                insurance: '失业保险',
                employerAmount: 124.22,
                personalAmount: 31.05,
              },
              {
                insurance: '工伤保险',
                employerAmount: 62.11,
                personalAmount: 0,
              },
            ],
            total: 5108.39,
          },
        ],
      },
    },
  },
  pension: {
    responses: {
      200: {
        retired: false,
        retirementDate: null,
        monthlyAmount: null,
        payments: [],
      },
    },
  },
  housingFund: {
    responses: {
      200: {
        account: {
          accountNumber: '********4445',
          employer: '惠州岭南科技有限公司',
          status: '缴存',
          openedOn: '2021-11-05',
          base: 7749,
          rate: 0.12,
          monthlyDeposit: 1859.76,
          balance: 52103.04,
          lastDepositMonth: '2026-11',
        },
        statement: {
          openingBalance: 49097.66,
          closingBalance: 52103.04,
          entries: [
            {
              date: '2025-12-15',
              kind: 'deposit',
              summary: '2025年12月汇缴',
              amount: 1859.76,
              balanceAfter: 50957.42,
            },
            {
              date: '2025-12-16',
              kind: 'withdrawal',
              summary: '购房提取',
              amount: 9328.55,
              balanceAfter: 41628.87,
            },
          ],
        },
      },
    },
  },
  violations: {
    responses: {
      200: {
        violations: [
          {
            decisionNumber: '4401061000234567',
            occurredAt: '2026-09-14T08:42:00+08:00',
            place: '广州市天河区天河路与体育东路交叉口',
            plateNumber: '粤A·****3',
            behaviour: '机动车不按交通信号灯规定通行',
            fine: 200,
            points: 6,
            paid: false,
            authority: '广州市公安局交通警察支队天河大队',
          },
        ],
        unpaidCount: 1,
        unpaidFines: 200,
      },
    },
  },
  dataAccess: {
    query: {
      limit: 2,
    },
    responses: {
      200: {
        records: [
          {
            id: '4c6658d7-322f-4894-b12b-b255bcf6eeac',
            department: 'gongjijin',
            dataKind: '查询最近 12 个月的住房公积金明细（汇缴与提取）',
            purpose: '查看公积金余额与明细（本人查询）',
            caseId: null,
            askedBy: null,
            outcome: 'served',
            at: '2026-12-02T19:09:07.590Z',
          },
          {
            id: 'ab51678e-f2e8-4d86-b244-c87fad808cfb',
            department: 'renshe',
            dataKind: '查询基本养老金领取资格与最近 12 个月发放记录',
            purpose: '查看养老金发放记录（本人查询）',
            caseId: null,
            askedBy: null,
            outcome: 'served',
            at: '2026-12-02T19:09:07.568Z',
          },
        ],
        nextBefore: '2026-12-02T19:09:07.568Z',
      },
    },
  },
} satisfies Record<string, RouteExamples>
