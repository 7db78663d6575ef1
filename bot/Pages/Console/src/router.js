import { createRouter, createWebHistory } from 'vue-router'
import QueuePage from './views/QueuePage.vue'
import TicketPage from './views/TicketPage.vue'
import { session, homeQueue } from './api.js'

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', redirect: () => `/queue/${homeQueue()}` },
    { path: '/queue/:queue', name: 'queue', component: QueuePage },
    { path: '/tickets/:id', name: 'ticket', component: TicketPage },
    { path: '/:rest(.*)*', redirect: () => `/queue/${homeQueue()}` },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

router.afterEach((to) => {
  if (to.name === 'queue') {
    session.lastQueue = { path: to.fullPath, queue: to.params.queue }
  }
})
