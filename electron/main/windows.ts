import { BrowserWindow, screen, shell } from 'electron';
import { join } from 'node:path';

const webPreferences = {
  preload: join(import.meta.dirname, '../preload/index.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
} as const;

function load(window: BrowserWindow, route: string): void {
  // Links open in the system browser; the app window never navigates away from itself.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    if (url.includes('#/bigscreen')) onBigScreenRequest?.();
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) void window.loadURL(`${devUrl}#${route}`);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'), { hash: route });
}

export function createWorkstationWindow(): BrowserWindow {
  const window = new BrowserWindow({ width: 1440, height: 900, minWidth: 1100, minHeight: 700, title: 'GridDesk 网格指挥台', show: false, webPreferences });
  window.once('ready-to-show', () => window.show());
  load(window, '/');
  return window;
}

let bigScreen: BrowserWindow | null = null;
let onBigScreenRequest: (() => void) | null = null;

/** What to do when the renderer asks for the big screen (it cannot open windows itself). */
export function handleBigScreenRequests(open: () => void): void {
  onBigScreenRequest = open;
}

/** The command view goes full screen on a second display when there is one (the video wall), else into a window. */
export function openBigScreen(key: string): BrowserWindow {
  if (bigScreen && !bigScreen.isDestroyed()) {
    bigScreen.focus();
    return bigScreen;
  }
  const primary = screen.getPrimaryDisplay();
  const wall = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const area = (wall ?? primary).bounds;
  bigScreen = new BrowserWindow({
    x: area.x,
    y: area.y,
    width: wall ? area.width : 1280,
    height: wall ? area.height : 720,
    fullscreen: Boolean(wall),
    autoHideMenuBar: true,
    backgroundColor: '#050b18',
    title: 'GridDesk 指挥大屏',
    webPreferences,
  });
  bigScreen.on('closed', () => (bigScreen = null));
  // Its own window has no session of its own: it shows the wall view with the office's display key.
  load(bigScreen, `/bigscreen?key=${encodeURIComponent(key)}`);
  return bigScreen;
}
