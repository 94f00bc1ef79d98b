// zh-HK: the app shell (name, tab bar, common words) and the labels several pages share.
import type { Catalogue } from '../zh-CN'

export const app: Catalogue['app'] = {
  name: '粵省事',
  slogan: '指尖上的民生服務',
  // The marker a development build (against the stand-ins) shows on every page.
  devBuild: '開發環境',
}

export const tabs: Catalogue['tabs'] = {
  home: '首頁',
  services: '服務',
  wallet: '卡包',
  me: '我的',
}

export const certificateStatus: Catalogue['certificateStatus'] = {
  valid: '有效',
  expired: '已過期',
  suspended: '暫扣',
  revoked: '已註銷',
}

export const departments = {
  wechat: '微信登入',
  gongan: '公安',
  renshe: '人社',
  yibao: '醫保',
  gongjijin: '公積金',
  jiaoguan: '交管',
  churujing: '出入境',
  weijian: '衛健',
  minzheng: '民政',
  shichang: '市場監管',
  // Catalogue-only departments: the 服务大厅 lists their services; no stand-in system of theirs exists yet
  shuiwu: '稅務',
  jiaoyu: '教育',
  canlian: '殘聯',
  tuiyi: '退役軍人事務',
  zhujian: '住建',
} satisfies Catalogue['departments']

export const common: Catalogue['common'] = {
  loading: '載入中…',
  retry: '重試',
  cancel: '取消',
  loadFailed: '載入失敗',
  empty: '暫無資料',
  networkError: '網絡連線欠佳，請稍後重試',
  badResponse: '服務傳回了無法識別的資料，請稍後重試',
  scanner: {
    video: '掃碼取景畫面',
    starting: '正在開啟鏡頭…',
    aim: '請將二維碼放入取景框內，識別後會自動關閉鏡頭',
    close: '關閉鏡頭',
    noCamera: '找不到可用的鏡頭。請把二維碼內容貼到下方輸入框',
    denied: '未獲得鏡頭權限。請在瀏覽器設定中允許本網站使用鏡頭，或把二維碼內容貼到下方輸入框',
    failed: '鏡頭無法啟動，可能正被其他應用程式使用。請稍後重試，或把二維碼內容貼到下方輸入框',
  },
}
