// zh-HK: the feedback form.
import type { Catalogue } from '../zh-CN'

export const feedback: Catalogue['feedback'] = {
  title: '意見反映',
  intro: '你的意見將幫助我們改善服務',
  category: '反映類別',
  categories: {
    suggestion: '建議',
    bug: '問題',
    complaint: '投訴',
    praise: '讚揚',
  },
  content: '反映內容',
  contentPlaceholder: '請描述你的建議或遇到的問題（5–500 字）',
  contentInvalid: '反映內容須為 5–500 字',
  contact: '聯絡流動電話（選填）',
  contactPlaceholder: '只用於回訪，不會公開',
  contactInvalid: '請輸入 11 位內地流動電話號碼',
  submit: '提交',
  submitting: '提交中…',
  received: '提交成功，回條編號：{{id}}',
}
