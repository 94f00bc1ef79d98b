// zh-CN: 个人信息与隐私 — downloading a copy of one's data (《个人信息保护法》第四十五条) and closing the account (第四十七条).

export const privacy = {
  title: '个人信息与隐私',
  intro:
    '依据《个人信息保护法》，您可以下载平台保存的您的个人信息副本，也可以注销账号。两项操作前都需要刷脸验证，并记入安全审计。',
  downloadTitle: '下载我的数据',
  downloadIntro:
    '包括账号与实名信息、登录记录、亮证与核验记录、我的数据使用记录、健康与行程申报、场所签到、亲友、申诉、意见反馈和与您有关的安全审计记录，格式为 JSON。',
  download: '下载我的数据',
  downloading: '正在准备…',
  downloaded: '已下载：{{file}}',
  saved: '已保存到：{{file}}',
  closeTitle: '注销账号',
  closeIntro: '注销后，以下结果无法撤销：',
  consequences: {
    deleted:
      '您的实名信息、登录记录、亮证与核验记录、数据使用记录、健康与行程申报、场所签到、亲友、申诉和意见反馈将被删除',
    familyOf: '其他用户为您添加的亲友记录将一并删除',
    sessions: '所有设备上的登录将立即失效',
    audit: '安全审计记录依法保留，但不再能与您关联（以匿名编号代替）',
    venues: '您登记的场所码仍可供他人签到，但不再显示登记人',
    again: '之后仍可用同一微信重新登录，但将是一个全新的账号',
  },
  downloadFirst: '建议先下载我的数据，再注销账号。',
  close: '注销账号',
  closing: '正在注销…',
  confirmTitle: '确认注销账号？',
  confirmContent: '注销后您的个人信息将被删除且无法恢复，所有登录立即失效。',
  confirm: '确认注销',
  closedTitle: '账号已注销',
  closedContent: '您的个人信息已删除，感谢您使用粤省事。',
  ok: '知道了',
  loginFirst: '请先登录',
}
