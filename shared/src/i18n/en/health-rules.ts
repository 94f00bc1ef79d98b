// en: why a health code has its colour, one line per rule.
import type { Catalogue } from '../zh-CN'

export const healthRules: Catalogue['healthRules'] = {
  'red.positive_test': 'A positive nucleic acid test in the last 14 days',
  'red.close_contact': 'Declared close contact with a confirmed or suspected case in the last 14 days',
  'yellow.risk_venue': 'Checked in at a venue in a medium or high-risk area in the last 14 days',
  'yellow.risk_trip': 'Declared a trip to a medium or high-risk area in the last 14 days',
  'yellow.symptoms': 'Declared symptoms such as fever, with no negative test since',
}
