import { createApp, h } from 'vue';
createApp({ render: () => h('div', '网格指挥台') }).mount('#app');
