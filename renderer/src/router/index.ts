import { createRouter, createWebHashHistory, type RouteLocationRaw, type RouteLocationNormalized } from 'vue-router';
import type { Role } from '@core/domain/roles';
import { useSessionStore } from '../stores/session';
import { useSetupStore } from '../stores/setup';
import { showError } from '../utils/errors';
import { assessmentRoutes } from '../views/assessment/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session. */
    public?: boolean;
    /** Only these roles may open the page. */
    roles?: readonly Role[];
  }
}

export const router = createRouter({
  // file:// in the Electron build has no server to answer deep links, so the route lives in the hash.
  history: createWebHashHistory(),
  routes: [
    { path: '/setup', name: 'setup', component: () => import('../views/SetupView.vue'), meta: { public: true } },
    { path: '/login', name: 'login', component: () => import('../views/LoginView.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('../layouts/AppShell.vue'),
      children: [
        { path: '', redirect: { name: 'queue' } },
        { path: 'cases', name: 'queue', component: () => import('../views/DeskView.vue') },
        { path: 'cases/:id', name: 'case', component: () => import('../views/CaseDetailView.vue'), props: true },
        ...assessmentRoutes,
        {
          path: 'dashboard',
          name: 'dashboard',
          component: () => import('../views/dashboard/DashboardView.vue'),
          meta: { roles: ['leader', 'shift_leader', 'dispatcher', 'admin'] },
        },
        {
          path: 'dashboard/organisations',
          name: 'organisations-board',
          component: () => import('../views/organisations/ParticipationBoardView.vue'),
          meta: { roles: ['leader', 'shift_leader', 'dispatcher', 'admin'] },
        },
        {
          path: 'registry',
          name: 'registry',
          component: () => import('../views/registry/RegistryView.vue'),
          meta: { roles: ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'] },
        },
        {
          path: 'sync/conflicts',
          name: 'syncConflicts',
          component: () => import('../views/SyncConflictsView.vue'),
          meta: { roles: ['admin', 'shift_leader', 'dispatcher'] },
        },
        { path: 'admin', name: 'admin', component: () => import('../views/AdminView.vue'), meta: { roles: ['admin'] } },
      ],
    },
    // Outside the shell: a wall PC opens it with the display key in the URL and nobody signed in.
    { path: '/bigscreen', name: 'bigscreen', component: () => import('../views/bigscreen/BigScreenView.vue'), meta: { public: true } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

async function guard(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const setup = useSetupStore();
  try {
    await setup.ensureKnown();
  } catch (error) {
    // Without an answer we cannot tell; the login page is the safest place to show the error.
    showError(error);
    return to.name === 'login' ? true : { name: 'login' };
  }
  if (setup.needsSetup) return to.name === 'setup' ? true : { name: 'setup' };
  if (to.name === 'setup') return { name: 'login' };

  const session = useSessionStore();
  await session.restore();
  if (to.meta.public) return session.user && to.name === 'login' ? { name: 'queue' } : true;
  if (!session.user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (to.meta.roles && !to.meta.roles.includes(session.user.role)) return { name: 'queue' };
  return true;
}

router.beforeEach(guard);
