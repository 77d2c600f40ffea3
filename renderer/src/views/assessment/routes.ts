import type { RouteRecordRaw } from 'vue-router';
import { ASSESSORS, LEDGER_READERS } from '../../components/assessment/access';

/** The assessment screens, inside the app shell. */
export const assessmentRoutes: RouteRecordRaw[] = [
  { path: 'assessment', name: 'assessment-scorecard', component: () => import('./ScorecardView.vue'), meta: { roles: ASSESSORS } },
  { path: 'assessment/ledger', name: 'assessment-ledger', component: () => import('./LedgerView.vue'), meta: { roles: LEDGER_READERS } },
  { path: 'assessment/schemes', name: 'assessment-schemes', component: () => import('./SchemesView.vue'), meta: { roles: ['admin'] } },
  {
    path: 'assessment/profile/:kind/:targetId',
    name: 'assessment-profile',
    component: () => import('./ProfileView.vue'),
    props: true,
    meta: { roles: LEDGER_READERS },
  },
];
