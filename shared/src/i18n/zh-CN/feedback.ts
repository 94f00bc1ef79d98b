// zh-CN: the feedback form.

export const feedback = {
  title: '意见反馈',
  intro: '您的意见将帮助我们改进服务',
  category: '反馈类别',
  categories: {
    suggestion: '建议',
    bug: '问题',
    complaint: '投诉',
    praise: '表扬',
  },
  content: '反馈内容',
  contentPlaceholder: '请描述您的建议或遇到的问题（5–500 字）',
  contentInvalid: '反馈内容需为 5–500 字',
  contact: '联系手机（选填）',
  contactPlaceholder: '仅用于回访，不会公开',
  contactInvalid: '请输入 11 位大陆手机号码',
  submit: '提交',
  submitting: '提交中…',
  received: '提交成功，回执编号：{{id}}',
}
