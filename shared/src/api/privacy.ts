// BFF contracts: the citizen's rights over their personal information (PIPL) — a copy of everything the platform
// holds about them (Art. 45) and closing the account (注销, Art. 47). Both need a fresh face verification (step-up).
import { defineContracts } from '../contract'
import { ErrorEnvelopeSchema } from '../errors'
import { z } from '../z'
import { BearerHeadersSchema } from './auth'
import { DataAccessRecordSchema } from './queries'
import { privacyExamples } from './examples/privacy'

const E = ErrorEnvelopeSchema
const time = z.string().datetime()
/** Whose health-code record: 'self', or the id of a family member the citizen added */
const holder = z.string().describe('self（本人）或所添加亲友的编号')

export const PersonalDataExportSchema = z
  .object({
    format: z.literal('ysx-personal-data/1').describe('导出格式及版本'),
    exportedAt: time.describe('导出时间'),
    account: z.object({
      userId: z.string().uuid().describe('用户编号'),
      level: z.enum(['basic', 'real_name']).describe('认证级别'),
      name: z.string().nullable().describe('姓名（完整，仅本人导出可见）'),
      idNumber: z.string().nullable().describe('身份证号码（完整，仅本人导出可见）'),
      phone: z.string().nullable().describe('手机号码（完整，仅本人导出可见）'),
      createdAt: time.describe('注册时间'),
      realNameAt: time.nullable().describe('实名认证时间'),
      lastFaceVerifiedAt: time.nullable().describe('最近一次刷脸验证时间'),
    }),
    sessions: z
      .array(
        z.object({
          id: z.string().describe('会话编号'),
          createdAt: time.describe('登录时间'),
          absoluteExpiresAt: time.describe('最迟失效时间'),
          revokedAt: time.nullable().describe('结束时间'),
          revokedReason: z.string().nullable().describe('结束原因：logout 退出、reuse 检测到令牌重用、expired 过期'),
        }),
      )
      .describe('登录会话（仅元数据，不含令牌）'),
    wallet: z.object({
      credentials: z
        .array(
          z.object({
            id: z.string().describe('亮证凭证编号'),
            cardId: z.string().describe('证照编号'),
            profile: z.string().describe('出示方式'),
            issuedAt: time,
            expiresAt: time,
          }),
        )
        .describe('亮证凭证签发记录'),
      presentations: z
        .array(
          z.object({
            credentialId: z.string().describe('所出示的凭证编号'),
            verifiedAt: time.describe('核验时间'),
            outcome: z.enum(['accepted', 'replayed', 'not_valid']).describe('核验结果'),
          }),
        )
        .describe('证照核验记录'),
    }),
    dataUse: z.array(DataAccessRecordSchema).describe('我的数据使用记录：为我向各部门查询数据的记录'),
    healthCode: z.object({
      family: z
        .array(
          z.object({
            id: z.string().describe('亲友编号'),
            maskedName: z.string().describe('亲友姓名（脱敏：那是亲友本人的信息）'),
            relation: z.string().describe('与本人关系'),
            consentMethod: z.string().describe('授权方式'),
            consentVersion: z.string().describe('授权声明版本'),
            addedAt: time,
            removedAt: time.nullable(),
          }),
        )
        .describe('我添加的亲友'),
      familyOf: z
        .array(z.object({ relation: z.string(), consentMethod: z.string(), addedAt: time, removedAt: time.nullable() }))
        .describe('把我添加为亲友的记录（不含添加人信息）'),
      declarations: z
        .array(
          z.object({
            id: z.string(),
            holder,
            kind: z.enum(['health', 'trip']),
            content: z.record(z.string(), z.unknown()).describe('申报内容'),
            declaredAt: time,
            effectiveAt: time,
            voidedAt: time.nullable(),
          }),
        )
        .describe('健康与行程申报'),
      checkIns: z
        .array(
          z.object({
            id: z.string(),
            holder,
            venueName: z.string(),
            areaCode: z.string().describe('GB/T 2260 行政区划代码'),
            at: time,
            voidedAt: time.nullable(),
          }),
        )
        .describe('场所签到'),
      venues: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            areaCode: z.string(),
            creditCode: z.string(),
            address: z.string(),
            createdAt: time,
          }),
        )
        .describe('我登记的场所'),
      appeals: z
        .array(
          z.object({
            appealId: z.string(),
            holder,
            rule: z.string(),
            targetKind: z.string(),
            targetId: z.string().nullable(),
            filedAt: time,
            decision: z.string().nullable(),
            decidedAt: time.nullable(),
          }),
        )
        .describe('申诉'),
      statuses: z
        .array(
          z.object({
            holder,
            colour: z.enum(['green', 'yellow', 'red']),
            ruleVersion: z.string(),
            evaluatedAt: time,
            validUntil: time,
          }),
        )
        .describe('当前健康码状态'),
    }),
    feedback: z
      .array(
        z.object({
          id: z.string(),
          category: z.string(),
          content: z.string(),
          contact: z.string().nullable().describe('联系电话（完整，仅本人导出可见）'),
          status: z.string(),
          createdAt: time,
        }),
      )
      .describe('登录后提交的意见反馈'),
    services: z
      .object({
        favourites: z.array(z.object({ code: z.string().describe('事项编码'), at: time.describe('收藏时间') })),
        recent: z.array(z.object({ code: z.string().describe('事项编码'), at: time.describe('最近打开时间') })),
      })
      .describe('服务大厅：我的收藏与最近使用的服务'),
    audit: z
      .array(
        z.object({
          at: time,
          action: z.string().describe('事件'),
          outcome: z.enum(['success', 'failure']),
          reason: z.string().nullable(),
          ip: z.string().nullable().describe('当时的网络地址'),
        }),
      )
      .describe('与我有关的安全审计记录'),
  })
  .describe('个人信息副本（《个人信息保护法》第四十五条），机器可读的 JSON')
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>

export const CloseAccountBodySchema = z
  .object({ confirm: z.literal(true).describe('已阅读注销后果并确认注销') })
  .strict()

export const AccountClosedSchema = z.object({
  closedAt: time.describe('注销时间'),
})

export const privacyContracts = defineContracts({
  exportData: {
    method: 'POST',
    path: '/v1/me/personal-data/export',
    summary: '下载我的个人信息副本（需刷脸验证，已审计）',
    tag: 'privacy',
    examples: privacyExamples.exportData,
    errors: ['STEP_UP_REQUIRED'],
    headers: BearerHeadersSchema,
    responses: { 200: PersonalDataExportSchema, 401: E, 403: E, 429: E },
  },
  closeAccount: {
    method: 'POST',
    path: '/v1/me/close-account',
    summary: '注销账号：删除或匿名化个人信息，结束所有会话（需刷脸验证，已审计）',
    tag: 'privacy',
    examples: privacyExamples.closeAccount,
    errors: ['STEP_UP_REQUIRED', 'ACCOUNT_CLOSED'],
    headers: BearerHeadersSchema,
    body: CloseAccountBodySchema,
    responses: { 200: AccountClosedSchema, 400: E, 401: E, 403: E, 410: E, 429: E },
  },
})
