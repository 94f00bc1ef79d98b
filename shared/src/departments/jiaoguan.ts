// 交管 (traffic police) department contract: 驾驶证 with its 12-point scoring, 行驶证, and traffic violations.
import { defineContracts } from '../contract'
import { z } from '../z'
import { certificateBase, certificateUnion, certificatesContract, isoDate, isoDateTime, yuan } from './certificate'
import { lookupContract } from './common'

export const PlateNumberSchema = z
  .string()
  .regex(/^粤[A-Z]·[A-Z0-9]{5,6}$/)
  .describe('号牌号码')

/** A penalty decision's number: a point deduction and the violation it was for carry the same one. */
const DecisionNumberSchema = z
  .string()
  .regex(/^\d{16}$/)
  .describe('处罚决定书编号')

export const PointDeductionSchema = z.object({
  decisionNumber: DecisionNumberSchema,
  occurredAt: isoDateTime('违法时间'),
  points: z.number().int().min(1).max(12).describe('记分'),
})

export const DrivingLicenceSchema = certificateBase('driving_licence').extend({
  licenceClass: z.enum(['C1', 'C2', 'B2', 'A1', 'A2', 'D']).describe('准驾车型'),
  firstIssueDate: isoDate('初次领证日期'),
  archiveNumber: z
    .string()
    .regex(/^\d{12}$/)
    .describe('档案编号'),
  points: z
    .object({
      cycleStart: isoDate('本记分周期起'),
      cycleEnd: isoDate('本记分周期止'),
      deducted: z.number().int().min(0).describe('本周期已记分'),
      remaining: z.number().int().min(0).max(12).describe('本周期剩余分值（满分 12 分）'),
    })
    .describe('记分情况'),
  deductions: z.array(PointDeductionSchema).describe('本记分周期内的记分明细'),
})

export const VehicleLicenceSchema = certificateBase('vehicle_licence').extend({
  plateNumber: PlateNumberSchema,
  vehicleType: z.enum(['小型轿车', '小型普通客车', '小型越野客车', '轻型普通货车']).describe('车辆类型'),
  brand: z.string().min(1).describe('品牌型号'),
  energy: z.enum(['汽油', '纯电动', '插电式混合动力']).describe('燃料种类'),
  vin: z
    .string()
    .regex(/^[A-HJ-NPR-Z0-9]{17}$/)
    .describe('车辆识别代号'),
  usage: z.literal('非营运').describe('使用性质'),
  registerDate: isoDate('注册登记日期'),
  inspectionValidUntil: isoDate('检验有效期至'),
})

export const JiaoguanCertificateSchema = certificateUnion(
  [DrivingLicenceSchema, VehicleLicenceSchema],
  '交管签发的证照',
)

export const TrafficViolationSchema = z.object({
  decisionNumber: DecisionNumberSchema,
  occurredAt: isoDateTime('违法时间'),
  place: z.string().min(1).describe('违法地点'),
  plateNumber: PlateNumberSchema.nullable().describe('号牌号码；驾驶他人车辆时为 null'),
  behaviour: z.string().min(1).describe('违法行为'),
  fine: yuan('罚款金额'),
  points: z.number().int().min(0).max(12).describe('记分'),
  paid: z.boolean().describe('罚款是否已缴纳'),
  authority: z.string().min(1).describe('处理机关'),
})

export const TrafficViolationsSchema = z.object({
  violations: z.array(TrafficViolationSchema).describe('最近 2 年的交通违法记录，新在前'),
  unpaidCount: z.number().int().min(0).describe('未缴款的条数'),
  unpaidFines: yuan('未缴罚款合计'),
})

export const jiaoguanContracts = defineContracts({
  certificates: certificatesContract('traffic', JiaoguanCertificateSchema),
  violations: lookupContract(
    '查询最近 2 年的交通违法记录',
    'traffic',
    '/v1/violations/lookup',
    TrafficViolationsSchema,
  ),
})
