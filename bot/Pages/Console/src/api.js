import { reactive } from 'vue'

/**
 * The console's one view of the server: who is signed in, the antiforgery token every POST carries (it changes with
 * each sign-in and password change), and the queue counts shown in the menu.
 */
export const session = reactive({
  loaded: false,
  signedIn: false,
  user: null,
  token: '',
  singleSignOn: false,
  singleSignOnName: '',
  signInRefusal: '',
  expired: false,
  queues: [],
  lastQueue: null,
})

/** A refusal or failure from the API; `title` is the Chinese sentence to show the user. */
export class ApiError extends Error {
  constructor(status, title, code) {
    super(title)
    this.status = status
    this.title = title
    this.code = code
  }
}

const hasChinese = (text) => typeof text === 'string' && /[\u4e00-\u9fff]/.test(text)

function politeTitle(status) {
  switch (status) {
    case 400: return '请求内容有误，请检查后重试。'
    case 401: return '登录已失效，请重新登录。'
    case 403: return '您没有权限进行此操作。'
    case 404: return '没有找到相关内容。'
    case 409: return '这件诉求的状态已经变化，请刷新后查看。'
    case 412: return '这件诉求在您打开页面后已有新的进展，请查看最新情况后再操作。'
    case 429: return '操作过于频繁，请稍候再试。'
    default: return status >= 500 ? '系统暂时无法处理您的请求，请稍后重试；如仍有问题，请联系系统管理员。' : '操作未能完成，请稍后重试。'
  }
}

function adopt(view) {
  session.signedIn = !!view.signedIn
  session.user = view.user ?? null
  session.token = view.antiforgeryToken ?? ''
  session.singleSignOn = !!view.singleSignOn
  session.singleSignOnName = view.singleSignOnName ?? ''
  session.loaded = true
}

async function send(method, path, body, headers, retried) {
  const sent = { Accept: 'application/json', ...headers }
  if (method !== 'GET') {
    sent['Content-Type'] = 'application/json'
    sent['X-XSRF-TOKEN'] = session.token
  }

  let response
  try {
    response = await fetch(path, { method, headers: sent, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}), credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, '无法连接到服务器，请检查网络连接后重试。')
  }

  const json = (response.headers.get('content-type') ?? '').includes('json')
  const data = response.status === 204 || !json ? null : await response.json().catch(() => null)
  if (response.ok) {
    return { data, etag: response.headers.get('ETag') }
  }

  // The antiforgery token went stale (e.g. the session was renewed in another tab): fetch a fresh one, try once more.
  if (response.status === 400 && data?.code === 'antiforgery' && !retried) {
    await loadSession()
    if (session.signedIn || path.startsWith('/api/desk/session')) {
      return send(method, path, body, headers, true)
    }
  }

  const error = new ApiError(response.status, hasChinese(data?.title) ? data.title : politeTitle(response.status), data?.code)
  if (response.status === 401 && session.signedIn && !path.startsWith('/api/desk/session')) {
    session.expired = true
    await loadSession()
  }

  if (response.status === 403 && data?.code === 'password-change' && session.user) {
    session.user.mustChangePassword = true
  }

  throw error
}

export const get = (path) => send('GET', path)
export const post = (path, body, etag) => send('POST', path, body, etag ? { 'If-Match': etag } : {})
export const put = (path, body) => send('PUT', path, body)
export const del = (path) => send('DELETE', path)

export async function loadSession() {
  const { data } = await send('GET', '/api/desk/session', undefined, {}, true)
  adopt(data)
}

export async function signIn(login, password) {
  const { data } = await post('/api/desk/session', { login, password })
  session.expired = false
  adopt(data)
}

export async function changePassword(current, next) {
  const { data } = await post('/api/desk/session/password', { current, next })
  adopt(data)
}

export async function signOut() {
  try {
    await post('/api/desk/session/sign-out', {})
  } finally {
    session.queues = []
    session.lastQueue = null
    await loadSession()
  }
}

export async function refreshQueues() {
  if (!session.signedIn || !worksOnTickets()) {
    return
  }

  const { data } = await get('/api/desk/queues')
  session.queues = data
}

export const has = (role) => session.user?.roles?.includes(role) ?? false

/** Administrators without another role manage people, not requests. */
export const worksOnTickets = () => ['Staff', 'DepartmentHead', 'Dispatcher', 'Leader'].some(has)

export const administers = () => has('Administrator')

/** Where a person starts: the queue of their first step. */
export function homeQueue() {
  if (has('Staff') || has('DepartmentHead')) return 'sign-for'
  if (has('Dispatcher')) return 'triage'
  return 'all'
}

/** The start page: the first queue, or the staff list for an administrator who handles no requests. */
export const homePath = () => (worksOnTickets() || !administers() ? `/queue/${homeQueue()}` : '/admin/staff')

export function queueName(id) {
  return session.queues.find((q) => q.id === id)?.name ?? '诉求列表'
}

const cached = {}

/** Departments and categories change rarely: read once per page load, and again after an administrator changes them (`forgetDirectory`). */
export async function directory(what) {
  cached[what] ??= get(`/api/desk/${what}`).then((r) => r.data).catch((e) => {
    delete cached[what]
    throw e
  })
  return cached[what]
}

export function forgetDirectory(what) {
  delete cached[what]
}
