// Examples for the API docs: 意见反馈, as a citizen's app sends and receives them (taken from a run against the
// stand-ins, lists shortened; the people are synthetic). tests/api/examples.test.ts checks each against its contract.
import type { RouteExamples } from '../../contract'

export const feedbackExamples = {
  create: {
    body: {
      category: 'suggestion',
      content: '希望增加公积金提取进度查询',
      contact: '13812345678',
    },
    responses: {
      201: {
        id: 'eab73caf-d205-43cb-bd76-79ffa0db6f55',
        category: 'suggestion',
        status: 'received',
        contact: '138****5678',
        createdAt: '2026-12-02T19:09:06.161Z',
      },
    },
  },
  show: {
    params: {
      id: 'eab73caf-d205-43cb-bd76-79ffa0db6f55',
    },
    responses: {
      200: {
        id: 'eab73caf-d205-43cb-bd76-79ffa0db6f55',
        category: 'suggestion',
        status: 'received',
        contact: '138****5678',
        createdAt: '2026-12-02T19:09:06.161Z',
      },
    },
  },
} satisfies Record<string, RouteExamples>
