// A stand-in for the core behind the renderer's IPC client, for component tests: it checks every call against the
// contract's argument schemas (as the real router does), answers from handlers the test registers, and pushes events.
import type { Args, ArgsIn, Channel, ResultOf } from '#shared/ipc/contract';
import { AppFailure, fail, ok, type Result } from '#shared/ipc/errors';
import type { EventMap, EventName } from '#shared/ipc/events';
import { validateArgs } from '#shared/ipc/validate';
import type { Client } from '../ipc/client';

/** How the fake answers one channel: with its value, or by throwing an AppFailure as a core service does. */
export type Handler<C extends Channel> = (args: Args<C>) => ResultOf<C> | Promise<ResultOf<C>>;

/** One call the renderer made, with its arguments as sent. */
export type Call = { channel: Channel; args: unknown };

type Listener = (payload: never) => void;

/** A promise the test settles by hand, to hold a screen in its waiting state. */
export type Deferred<T> = { promise: Promise<T>; resolve(value: T): void };

/** A promise and the function that resolves it. */
export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The fake core: a Client for the store, the calls it received, and the events it can push. */
export class FakeCore {
  readonly calls: Call[] = [];
  readonly client: Client;
  private readonly handlers = new Map<Channel, Handler<Channel>>();
  private readonly listeners = new Map<EventName, Set<Listener>>();

  constructor() {
    this.client = {
      invoke: (channel, args) => this.invoke(channel, args) as never,
      on: (event, listener) => {
        const set = this.listeners.get(event) ?? new Set<Listener>();
        set.add(listener as Listener);
        this.listeners.set(event, set);
        return () => set.delete(listener as Listener);
      },
    };
  }

  /** Answers a channel with a handler (replacing any earlier one). */
  answer<C extends Channel>(channel: C, handler: Handler<C>): this {
    this.handlers.set(channel, handler as unknown as Handler<Channel>);
    return this;
  }

  /** Makes a channel fail with an error, as the core would. */
  refuse(channel: Channel, code: AppFailure['error']['code'], message: string, details?: AppFailure['error']['details']): this {
    return this.answer(channel, () => {
      throw new AppFailure(code, message, details);
    });
  }

  /** Pushes an event to every listener, as the core does after a change made elsewhere. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventMap[E]) => void)(payload);
  }

  /** The arguments of every call to one channel, in order, as the renderer sent them. */
  callsTo<C extends Channel>(channel: C): ArgsIn<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.args as ArgsIn<C>);
  }

  private async invoke(channel: Channel, raw: unknown): Promise<Result<unknown>> {
    this.calls.push({ channel, args: raw });
    const checked = validateArgs(channel, raw);
    if (!checked.ok) return checked;
    const handler = this.handlers.get(channel);
    if (!handler) return fail('INTERNAL', `The fake core has no answer for ${channel}`);
    try {
      return ok(await handler(checked.value as Args<Channel>));
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.error };
      throw error;
    }
  }
}
