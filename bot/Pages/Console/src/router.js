import { createRouter, createWebHistory } from 'vue-router'
import QueuePage from './views/QueuePage.vue'
import TicketPage from './views/TicketPage.vue'
import Home from './views/Home.vue'
import { session } from './api.js'

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', name: 'home', component: Home },
    { path: '/queue/:queue', name: 'queue', component: QueuePage },
    { path: '/tickets/:id', name: 'ticket', component: TicketPage },
    { path: '/:rest(.*)*', component: Home },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

router.afterEach((to) => {
  if (to.name === 'queue') {
    session.lastQueue = { path: to.fullPath, queue: to.params.queue }
  }
})
