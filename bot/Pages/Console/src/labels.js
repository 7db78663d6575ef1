/** How statuses, cards and actions look: Element Plus tag types and the actions' Chinese names. */

export const statusTag = (status) => ({
  Submitted: 'info',
  Routed: 'warning',
  SignedFor: 'primary',
  Handling: 'primary',
  AwaitingInformation: 'warning',
  Returned: 'danger',
  Resolved: 'success',
  Closed: 'info',
  Withdrawn: 'info',
})[status] ?? 'info'

export const cardTag = (card) => ({ green: 'success', yellow: 'warning', red: 'danger' })[card] ?? 'info'

export const cardName = (card) => ({ green: '绿牌', yellow: '黄牌', red: '红牌' })[card] ?? ''

export const actionNames = {
  'sign-for': '签收',
  assign: '分派',
  contact: '联系企业',
  'interim-reply': '阶段答复',
  'request-information': '要求补充材料',
  return: '退单',
  transfer: '转办',
  extension: '延期申请',
  'extension-decision': '延期审批',
  resolve: '办结',
  note: '内部备注',
  redispatch: '重新派单',
  supervise: '督办',
  reopen: '重办',
  close: '归档',
}

/** The order of the buttons: the usual next step first. */
export const actionOrder = Object.keys(actionNames)

export const primaryActions = new Set(['sign-for', 'resolve', 'redispatch', 'extension-decision'])
