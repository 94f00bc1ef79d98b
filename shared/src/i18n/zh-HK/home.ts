// zh-HK: the home page and its dashboard.
import type { Catalogue } from '../zh-CN'

export const home: Catalogue['home'] = {
  greeting: '你好，歡迎使用粵省事',
  searchPlaceholder: '搜尋服務，如「社保查詢」',
  quickEntries: '常用服務',
  healthCode: '粵康碼',
  socialSecurity: '社保查詢',
  medicalInsurance: '醫保查詢',
  housingFund: '公積金',
  trafficViolations: '交通違法',
  notice: '本應用程式為開源示範，資料均為模擬資料',
  signInHint: '登入後可在首頁查看證照、社保、醫保、公積金等資料',
  realNameHint: '完成實名認證後可在首頁查看證照、社保、醫保、公積金等資料',
  signIn: '前往登入',
  verify: '前往實名認證',
}

export const dashboard: Catalogue['dashboard'] = {
  title: '我的概覽',
  cards: '我的證照',
  cardCount: '共 {{count}} 張',
  noCards: '暫無電子證照',
  issuersUnavailable: '{{departments}}暫時無法查詢，部分證照未顯示',
  socialSecurity: '社保',
  monthsPaid: '已繳 {{count}} 個月',
  recentMonths: '近 24 個月',
  lastPaidMonth: '最近到賬：{{month}}',
  arrears: '欠繳 {{count}} 個月',
  medicalInsurance: '醫保結餘',
  housingFund: '公積金結餘',
  violations: '交通違法',
  unpaid: '未處理 {{count}} 宗',
  unpaidFines: '罰款 {{amount}}',
  noViolations: '暫無未處理違法',
  healthCode: '健康碼',
  healthColors: { green: '綠碼', yellow: '黃碼', red: '紅碼' },
  noRecord: '暫無紀錄',
  view: '查看',
}
