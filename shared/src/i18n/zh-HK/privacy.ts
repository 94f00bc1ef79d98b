// zh-HK: 個人資料與私隱 — downloading a copy of one's data and closing the account.
import type { Catalogue } from '../zh-CN'

export const privacy: Catalogue['privacy'] = {
  title: '個人資料與私隱',
  intro:
    '根據《個人信息保護法》，你可以下載平台儲存的你的個人資料副本，亦可以註銷帳戶。兩項操作前都需要人臉驗證，並記入安全審計。',
  downloadTitle: '下載我的資料',
  downloadIntro:
    '包括帳戶與實名資料、登入紀錄、亮證與核驗紀錄、我的資料使用紀錄、健康與行程申報、場所登記、親友、申訴、意見反映和與你有關的安全審計紀錄，格式為 JSON。',
  download: '下載我的資料',
  downloading: '正在準備…',
  downloaded: '已下載：{{file}}',
  saved: '已儲存到：{{file}}',
  closeTitle: '註銷帳戶',
  closeIntro: '註銷後，以下結果無法撤銷：',
  consequences: {
    deleted:
      '你的實名資料、登入紀錄、亮證與核驗紀錄、資料使用紀錄、健康與行程申報、場所登記、親友、申訴和意見反映將被刪除',
    familyOf: '其他用戶為你加入的親友紀錄將一併刪除',
    sessions: '所有裝置上的登入將即時失效',
    audit: '安全審計紀錄依法保留，但不再與你關聯（以匿名編號代替）',
    venues: '你登記的場所碼仍可供他人登記，但不再顯示登記人',
    again: '之後仍可用同一微信重新登入，但將是一個全新的帳戶',
  },
  downloadFirst: '建議先下載我的資料，再註銷帳戶。',
  close: '註銷帳戶',
  closing: '正在註銷…',
  confirmTitle: '確認註銷帳戶？',
  confirmContent: '註銷後你的個人資料將被刪除且無法復原，所有登入即時失效。',
  confirm: '確認註銷',
  closedTitle: '帳戶已註銷',
  closedContent: '你的個人資料已刪除，多謝使用粵省事。',
  ok: '知道了',
  loginFirst: '請先登入',
}
