import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import type { UserConfig } from 'vite';

const root = import.meta.dirname;
const bridgeUrl = `http://127.0.0.1:${process.env.GRIDDESK_PORT ?? 7420}`;

/** The renderer's build, shared by electron-vite and by `npm run dev:web` (plain Vite against a running bridge). */
export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  resolve: { alias: { '@core': resolve(root, 'core') } },
  plugins: [vue()],
  server: {
    // The bridge only answers its own origin, so the proxy presents itself as that origin.
    proxy: { '/api': { target: bridgeUrl, changeOrigin: true, headers: { origin: bridgeUrl } } },
  },
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(root, 'renderer/index.html') },
    chunkSizeWarningLimit: 2000,
  },
};

export default rendererConfig;
