import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Result } from '#shared/ipc/errors';
import { IPC_EVENT, IPC_INVOKE } from './ipc-names';
import type { PreloadApi } from '#shared/ipc/preload-api';

/** The part of ipcRenderer the bridge uses; never handed to the page itself. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

function refused(code: 'UNKNOWN_CHANNEL' | 'FORBIDDEN' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Builds the object exposed as `window.api` (R3): `invoke` refuses channels outside the allowlist before
 * anything is sent, and `on` wraps listeners so they receive only the payload, never the IPC event.
 */
export function createPreloadApi(ipc: BridgeIpc, channels: readonly string[], events: readonly string[]): PreloadApi {
  const allowedChannels = new Set(channels);
  const allowedEvents = new Set(events);

  async function invoke(channel: unknown, args: unknown): Promise<Result<unknown>> {
    if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
      return refused('UNKNOWN_CHANNEL', `The desktop app does not offer "${String(channel).slice(0, 80)}"`);
    }
    try {
      return (await ipc.invoke(IPC_INVOKE, channel, args)) as Result<unknown>;
    } catch (error) {
      return refused('INTERNAL', `The app did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function on(event: unknown, listener: unknown): () => void {
    if (typeof event !== 'string' || !allowedEvents.has(event)) throw new TypeError(`Unknown event "${String(event).slice(0, 80)}"`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(IPC_EVENT, wrapped);
    return () => {
      ipc.removeListener(IPC_EVENT, wrapped);
    };
  }

  return { invoke, on } as PreloadApi;
}
