// zh-HK: why a health code has its colour, one line per rule.
import type { Catalogue } from '../zh-CN'

export const healthRules: Catalogue['healthRules'] = {
  'red.positive_test': '14 天內核酸檢測結果為陽性',
  'red.close_contact': '申報 14 天內曾與確診或疑似個案有密切接觸',
  'yellow.risk_venue': '14 天內登記的場所位於中高風險地區',
  'yellow.risk_trip': '申報 14 天內曾到過中高風險地區',
  'yellow.symptoms': '申報有發燒等病徵，且其後仍未有陰性核酸結果',
}
