// The sandboxed preload: exposes `window.api` = { invoke, on } and nothing else (R3).
// Bundled by scripts/build-electron.mjs into one file that requires only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES } from '#shared/ipc/events';
import { PRELOAD_CHANNELS } from './allowed-channels';
import { createPreloadApi } from './bridge';

contextBridge.exposeInMainWorld('api', createPreloadApi(ipcRenderer, PRELOAD_CHANNELS, EVENT_NAMES));
