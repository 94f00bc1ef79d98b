// zh-CN: why a health code has its colour, one line per rule (rule ids are the rule set's, see bff/rules).

export const healthRules = {
  'red.positive_test': '14 天内核酸检测结果为阳性',
  'red.close_contact': '申报 14 天内与确诊或疑似病例有密切接触',
  'yellow.risk_venue': '14 天内签到的场所位于中高风险区域',
  'yellow.risk_trip': '申报 14 天内到过中高风险区域',
  'yellow.symptoms': '申报有发热等症状，且此后尚无阴性核酸结果',
}
