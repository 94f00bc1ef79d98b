// zh-CN: the app shell (name, tab bar, common words) and the labels several pages share (certificate status, departments).

export const app = {
  name: '粤省事',
  slogan: '指尖上的民生服务',
  /** The marker of a development build against the stand-ins (its login codes come from the WeChat stand-in) */
  devBuild: '开发环境',
}

export const tabs = {
  home: '首页',
  services: '服务',
  wallet: '卡包',
  me: '我的',
}

export const certificateStatus = { valid: '有效', expired: '已过期', suspended: '暂扣', revoked: '已注销' }

/**
 * Department names by registry code, as citizens know them: the registry's display names are these, so a registry
 * entry without one does not compile, and every other locale must name each (the Catalogue type). A literal, not read
 * from the registry: the registry holds every department's contracts, which the mini-program's first load must not
 * carry.
 */
export const departments = {
  wechat: '微信登录',
  gongan: '公安',
  renshe: '人社',
  yibao: '医保',
  gongjijin: '公积金',
  jiaoguan: '交管',
  churujing: '出入境',
  weijian: '卫健',
  minzheng: '民政',
  shichang: '市场监管',
  // Catalogue-only departments: the 服务大厅 lists their services; no stand-in system of theirs exists yet
  shuiwu: '税务',
  jiaoyu: '教育',
  canlian: '残联',
  tuiyi: '退役军人事务',
  zhujian: '住建',
}

export const common = {
  loading: '加载中…',
  retry: '重试',
  cancel: '取消',
  loadFailed: '加载失败',
  empty: '暂无数据',
  networkError: '网络不给力，请稍后重试',
  badResponse: '服务返回了无法识别的数据，请稍后重试',
  /** The camera scanner in the browser (H5) on the pages that take a QR code; the paste box stays beside it */
  scanner: {
    video: '扫码取景画面',
    starting: '正在打开摄像头…',
    aim: '请将二维码放入取景框内，识别后自动关闭摄像头',
    close: '关闭摄像头',
    noCamera: '没有找到可用的摄像头。请把二维码内容粘贴到下方输入框',
    denied: '未获得摄像头权限。请在浏览器设置中允许本网站使用摄像头，或把二维码内容粘贴到下方输入框',
    failed: '摄像头无法启动，可能正被其他应用占用。请稍后重试，或把二维码内容粘贴到下方输入框',
  },
}
