// zh-CN text catalogue: every message a citizen or an API user reads, UI and errors alike.
export const zhCN = {
  app: {
    name: '粤省事',
    slogan: '指尖上的民生服务',
  },
  tabs: {
    home: '首页',
    services: '服务',
    wallet: '卡包',
    me: '我的',
  },
  home: {
    greeting: '您好，欢迎使用粤省事',
    searchPlaceholder: '搜索服务，如“社保查询”',
    quickEntries: '常用服务',
    healthCode: '粤康码',
    socialSecurity: '社保查询',
    medicalInsurance: '医保查询',
    housingFund: '公积金',
    trafficViolations: '交通违法',
    notice: '本应用为开源演示，数据均为模拟数据',
  },
  services: {
    title: '全部服务',
    categories: {
      police: '公安',
      socialSecurity: '人社',
      medical: '医保',
      housingFund: '公积金',
      traffic: '交管',
      exitEntry: '出入境',
      health: '卫健',
      civil: '民政',
      market: '市场监管',
    },
    comingSoon: '即将开放',
  },
  wallet: {
    title: '我的卡包',
    empty: '登录并完成实名认证后，可在这里查看您的电子证照',
  },
  me: {
    title: '我的',
    notLoggedIn: '未登录',
    login: '登录 / 注册',
    feedback: '意见反馈',
    about: '关于粤省事',
    language: '语言',
    elderMode: '长辈模式',
  },
  common: {
    loading: '加载中…',
    retry: '重试',
    networkError: '网络不给力，请稍后重试',
  },
  errors: {
    VALIDATION_FAILED: '提交的信息有误，请检查后重试',
    BAD_REQUEST: '请求格式不正确',
    AUTH_REQUIRED: '请先登录',
    FORBIDDEN: '您没有权限进行此操作',
    NOT_FOUND: '找不到您要的内容',
    ROUTE_NOT_FOUND: '接口不存在，请检查地址',
    CITIZEN_NOT_FOUND: '未找到该公民的信息',
    METHOD_NOT_ALLOWED: '不支持该请求方法',
    CONFLICT: '操作冲突，请刷新后重试',
    PAYLOAD_TOO_LARGE: '提交的内容过大',
    UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型，请使用 JSON',
    RATE_LIMITED: '操作太频繁，请稍后再试',
    INTERNAL: '系统开小差了，请稍后重试',
    UPSTREAM_BAD_RESPONSE: '部门系统返回了无法识别的数据，请稍后重试',
    UPSTREAM_UNAVAILABLE: '部门系统暂时无法访问，请稍后重试',
    OVERLOADED: '当前访问人数较多，请稍后重试',
    NOT_READY: '服务正在启动，请稍后重试',
    UPSTREAM_TIMEOUT: '部门系统响应超时，请稍后重试',
  },
}

/** The shape every locale's catalogue must have: the same keys as zh-CN, string leaves. */
export type Catalogue = DeepStrings<typeof zhCN>
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
