import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, type PreloadApi } from '../../core/api/transport';

// The renderer gets exactly one function: no Node, no ipcRenderer, no other channels.
const api: PreloadApi = {
  invoke: (method, input, token) => ipcRenderer.invoke(API_CHANNEL, method, input, token),
};

contextBridge.exposeInMainWorld('api', api);
