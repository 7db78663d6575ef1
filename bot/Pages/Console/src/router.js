import { createRouter, createWebHistory } from 'vue-router'
import QueuePage from './views/QueuePage.vue'
import TicketPage from './views/TicketPage.vue'
import StaffPage from './views/StaffPage.vue'
import AuditPage from './views/AuditPage.vue'
import DepartmentsPage from './views/DepartmentsPage.vue'
import RoutingRulesPage from './views/RoutingRulesPage.vue'
import Home from './views/Home.vue'
import { session } from './api.js'

/** `meta.tickets`: for those who work on requests; `meta.admin`: for administrators (the shell sends anyone else home). */
export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', name: 'home', component: Home },
    { path: '/queue/:queue', name: 'queue', component: QueuePage, meta: { tickets: true } },
    { path: '/tickets/:id', name: 'ticket', component: TicketPage, meta: { tickets: true } },
    { path: '/admin/staff', name: 'admin-staff', component: StaffPage, meta: { admin: true, title: '人员管理' } },
    { path: '/admin/departments', name: 'admin-departments', component: DepartmentsPage, meta: { admin: true, title: '部门管理' } },
    { path: '/admin/routing-rules', name: 'admin-routing-rules', component: RoutingRulesPage, meta: { admin: true, title: '分派规则' } },
    { path: '/admin/audit', name: 'admin-audit', component: AuditPage, meta: { admin: true, title: '操作日志' } },
    { path: '/:rest(.*)*', component: Home },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

router.afterEach((to) => {
  if (to.name === 'queue') {
    session.lastQueue = { path: to.fullPath, queue: to.params.queue }
  }
})
