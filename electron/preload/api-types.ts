import type { ArgsIn, Channel, ResultOf } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/errors';
import type { EventMap, EventName } from '#shared/ipc/events';

/** What the preload exposes on `window.api`: exactly these two functions, nothing of Electron itself (R3). */
export type PreloadApi = {
  /** Sends one command of the contract; resolves to a result envelope, never rejects. */
  invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
  /** Subscribes to one pushed event; the listener gets only the payload. Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};
