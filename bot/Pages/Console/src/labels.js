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

export const cardName = (card) => ({ green: '绿牌', yellow: '黄牌', red: '红牌', paused: '暂停计时' })[card] ?? ''

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
  'answer-supervision': '答复督办',
  reopen: '重办',
  close: '归档',
}

/** The order of the buttons: the usual next step first. */
export const actionOrder = Object.keys(actionNames)

export const primaryActions = new Set(['sign-for', 'resolve', 'redispatch', 'extension-decision'])

/** The roles an administrator gives, in the order of the work; `id` as the API names them. */
export const roles = [
  { id: 'Staff', name: '经办人', tag: 'primary', duty: '签收、办理本部门的诉求' },
  { id: 'DepartmentHead', name: '部门负责人', tag: 'success', duty: '分派本部门的诉求，审批延期和退单' },
  { id: 'Dispatcher', name: '调度员', tag: 'warning', duty: '营商环境服务中心派单、改派、审核办理结果' },
  { id: 'Leader', name: '领导', tag: 'danger', duty: '查看全部诉求，进行督办' },
  { id: 'Administrator', name: '系统管理员', tag: 'info', duty: '管理人员、部门和系统配置' },
]

export const roleTag = (id) => roles.find((r) => r.id === id)?.tag ?? 'info'

export const roleName = (id) => roles.find((r) => r.id === id)?.name ?? id

/** The kinds of department, as the API names them. */
export const departmentKinds = [
  { id: 'Department', name: '业务部门', duty: '承办、协办诉求' },
  { id: 'ServiceCenter', name: '服务中心', duty: '调度员在此分派、改派诉求' },
]

export const departmentKindName = (id) => departmentKinds.find((k) => k.id === id)?.name ?? id

/** A person's account state as tags: 正常, or 已停用 and/or 已锁定. */
export const accountStates = (staff) => {
  const states = []
  if (!staff.active) states.push({ id: 'inactive', name: '已停用', tag: 'info' })
  if (staff.locked) states.push({ id: 'locked', name: '已锁定', tag: 'danger' })
  return states.length ? states : [{ id: 'active', name: '正常', tag: 'success' }]
}

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
})

/** A moment in Beijing time, as 2026-11-23 10:05:09. */
export function beijingTime(at) {
  const p = Object.fromEntries(beijing.formatToParts(new Date(at)).map((part) => [part.type, part.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}
