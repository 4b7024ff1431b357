import type { ArgsIn, Channel, ResultOf } from './contract';
import type { Result } from './errors';
import type { EventMap, EventName } from './events';

/**
 * What Electron's preload exposes on `window.api`: exactly these two functions, nothing of Electron itself (R3). The
 * renderer's client to the core has the same shape over either transport (renderer/src/ipc/client.ts).
 */
export type PreloadApi = {
  /** Sends one command of the contract; resolves to a result envelope, never rejects. */
  invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
  /** Subscribes to one pushed event; the listener gets only the payload. Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};
