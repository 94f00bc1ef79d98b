// en: the app shell (name, tab bar, common words) and the labels several pages share.
import type { Catalogue } from '../zh-CN'

export const app: Catalogue['app'] = {
  name: 'Yue Sheng Shi',
  slogan: 'Public services at your fingertips',
  // The marker a development build (against the stand-ins) shows on every page.
  devBuild: 'Development',
}

export const tabs: Catalogue['tabs'] = {
  home: 'Home',
  services: 'Services',
  wallet: 'Wallet',
  me: 'Me',
}

export const certificateStatus: Catalogue['certificateStatus'] = {
  valid: 'Valid',
  expired: 'Expired',
  suspended: 'Suspended',
  revoked: 'Revoked',
}

export const departments = {
  wechat: 'WeChat sign-in',
  gongan: 'Public Security',
  renshe: 'Human Resources and Social Security',
  yibao: 'Healthcare Security',
  gongjijin: 'Housing Provident Fund',
  jiaoguan: 'Traffic Police',
  churujing: 'Exit and Entry Administration',
  weijian: 'Health Commission',
  minzheng: 'Civil Affairs',
  shichang: 'Market Regulation',
  // Catalogue-only departments: the 服务大厅 lists their services; no stand-in system of theirs exists yet
  shuiwu: 'Taxation',
  jiaoyu: 'Education',
  canlian: 'Disabled Persons’ Federation',
  tuiyi: 'Veterans Affairs',
  zhujian: 'Housing and Urban-Rural Development',
} satisfies Catalogue['departments']

export const common: Catalogue['common'] = {
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  loadFailed: 'Could not load',
  empty: 'Nothing here yet',
  networkError: 'The network is not responding. Please try again later.',
  badResponse: 'The service returned data we could not read. Please try again later.',
  scanner: {
    video: 'Camera view for scanning',
    starting: 'Opening the camera…',
    aim: 'Hold the QR code inside the frame; the camera turns off once it is read',
    close: 'Turn off the camera',
    noCamera: 'No camera was found. Paste the QR code’s text into the box below',
    denied:
      'Camera access was not allowed. Allow this site to use the camera in your browser’s settings, or paste the QR code’s text into the box below',
    failed:
      'The camera could not start; another app may be using it. Try again later, or paste the QR code’s text into the box below',
  },
}
