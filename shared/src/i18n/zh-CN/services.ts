// zh-CN: the service directory.

export const services = {
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
  departmentServices: '部门服务',
  tools: '便民工具',
}
