import { app, BrowserWindow, ipcMain, Menu, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { API_CHANNEL } from '../../core/api/transport';
import { CONTENT_SECURITY_POLICY } from './bridge/csp';
import { startBackend, type StartedBackend } from './startBackend';
import { displayKeyForDesktopWall } from './services/displayKey';
import { keychainStore } from './services/keyStores';
import { createWorkstationWindow, handleBigScreenRequests, openBigScreen } from './windows';

let started: StartedBackend | null = null;

function isOwnFrame(url: string | undefined): boolean {
  if (!url) return false;
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith('file://') || (devUrl !== undefined && url.startsWith(devUrl));
}

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  started = await startBackend(process.env.GRIDDESK_DB ?? join(app.getPath('userData'), 'griddesk.sqlite'), {
    personalDataKey: keychainStore(safeStorage, join(app.getPath('userData'), 'personal-data.key')),
  });
  const { dispatch } = started;
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown, token: unknown) => {
    if (!isOwnFrame(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
    }
    return dispatch(String(method), input, typeof token === 'string' ? token : null, `ipc:${event.sender.id}`);
  });
  const bigScreen = async () => openBigScreen(await displayKeyForDesktopWall(started!.backend));
  handleBigScreenRequests(() => void bigScreen());
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu', label: '文件' },
      { role: 'editMenu', label: '编辑' },
      { label: '视图', submenu: [{ label: '打开指挥大屏', accelerator: 'F10', click: () => void bigScreen() }, { type: 'separator' }, { role: 'reload' }, { role: 'togglefullscreen' }] },
    ]),
  );
  // `--bigscreen` starts a wall PC straight into the command view.
  if (process.argv.includes('--bigscreen')) await bigScreen();
  else createWorkstationWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWorkstationWindow();
  });
});

app.on('window-all-closed', async () => {
  await started?.backend.close();
  if (process.platform !== 'darwin') app.quit();
});
