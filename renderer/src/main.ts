import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import './styles/base.css';
import App from './App.vue';
import { onPasswordChangeRequired, onUnauthenticated } from './api/client';
import { i18n } from './i18n';
import { router } from './router';
import { useReferenceStore } from './stores/reference';
import { useSessionStore } from './stores/session';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(router).use(ElementPlus);

onUnauthenticated(() => {
  const session = useSessionStore(pinia);
  const username = session.user?.username;
  session.forget();
  useReferenceStore(pinia).reset();
  const current = router.currentRoute.value;
  // During the first navigation the guard itself sends the user to the login page.
  if (current.matched.length === 0 || current.meta.public) return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1', ...(username ? { username } : {}) } });
});

onPasswordChangeRequired(() => useSessionStore(pinia).passwordChangeRequired());

app.mount('#app');
