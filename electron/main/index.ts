import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { API_CHANNEL } from '../../core/api/transport';
import { CONTENT_SECURITY_POLICY } from './bridge/csp';
import { startBackend, type StartedBackend } from './startBackend';

let started: StartedBackend | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: 'GridDesk 网格指挥台',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Links open in the system browser; the app window never navigates away from itself.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

function isOwnFrame(url: string | undefined): boolean {
  if (!url) return false;
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith('file://') || (devUrl !== undefined && url.startsWith(devUrl));
}

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  started = await startBackend(process.env.GRIDDESK_DB ?? join(app.getPath('userData'), 'griddesk.sqlite'));
  const { dispatch } = started;
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown, token: unknown) => {
    if (!isOwnFrame(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    return dispatch(String(method), input, typeof token === 'string' ? token : null);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', async () => {
  await started?.backend.close();
  if (process.platform !== 'darwin') app.quit();
});
