import type { Result } from '#shared/ipc/errors';
import { EVENT_NAMES, type EventName } from '#shared/ipc/events';
import type { PreloadApi } from '#shared/ipc/preload-api';

/** A transport to the core: Electron IPC through the preload, or HTTP on 127.0.0.1 in browser mode; both offer what the preload does. */
export type Client = PreloadApi;

function transportError<T>(message: string): Result<T> {
  return { ok: false, error: { code: 'IO_ERROR', message } };
}

/** Browser mode: POST /api/invoke with the session cookie, events over Server-Sent Events. */
function httpClient(): Client {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource('/api/events');
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };
  return {
    async invoke(channel, args) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-SLO-Workbench': '1' },
          body: JSON.stringify({ channel, args }),
          credentials: 'same-origin',
        });
        if (response.status === 401 || response.status === 403) {
          return transportError('The session has expired: open the address printed by "slo-workbench serve" again');
        }
        if (!response.ok) return transportError(`The server answered ${response.status} ${response.statusText}`);
        return (await response.json()) as never;
      } catch (error) {
        return transportError(`The workbench server does not answer (${(error as Error).message}); is "slo-workbench serve" still running?`);
      }
    },
    on(event, listener) {
      connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

/** The client for this page: the preload's bridge inside Electron, HTTP otherwise. */
export function createClient(): Client {
  const api = (window as unknown as { api?: PreloadApi }).api;
  return api && typeof api.invoke === 'function' ? api : httpClient();
}
