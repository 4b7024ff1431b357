import type { ServerResponse } from 'node:http';
import { EVENT_NAMES, type EventName } from '#shared/ipc/events';
import type { Core } from '../../core/registry';

/** How often an idle event stream gets a comment line, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;

/** Formats one Server-Sent Event; JSON never contains a raw newline, so one data line suffices. */
export function formatEvent(name: EventName, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** The open event streams of one server, so closing the server can end them. */
export class EventStreams {
  private readonly open = new Set<() => void>();
  private readonly core: Core;
  private readonly heartbeatMs: number;

  constructor(core: Core, heartbeatMs: number = HEARTBEAT_MS) {
    this.core = core;
    this.heartbeatMs = heartbeatMs;
  }

  /** Streams every core event to the response until the client goes away or the server closes. */
  attach(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    // The retry hint keeps EventSource's automatic reconnects gentle after a restart.
    res.write('retry: 2000\n: connected\n\n');
    const unsubscribes = EVENT_NAMES.map((name) =>
      this.core.on(name, (payload) => {
        res.write(formatEvent(name, payload));
      }),
    );
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();
    let done = false;
    const cleanup = (): void => {
      if (done) return;
      done = true;
      clearInterval(heartbeat);
      for (const off of unsubscribes) off();
      this.open.delete(cleanup);
      if (!res.writableEnded) res.end();
    };
    this.open.add(cleanup);
    res.on('close', cleanup);
    res.on('error', cleanup);
  }

  /** Number of connected streams (for tests and diagnostics). */
  get size(): number {
    return this.open.size;
  }

  /** Ends every stream and drops its core listeners. */
  closeAll(): void {
    for (const cleanup of [...this.open]) cleanup();
  }
}
