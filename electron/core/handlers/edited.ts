import type { HandlerContext } from '../context';

/** Announces a catalog edit that succeeded, so every window refetches the catalog, and passes its value on. */
export function edited<T>(ctx: Pick<HandlerContext, 'emit'>, value: T): T {
  ctx.emit('catalog-changed', { reason: 'edit' });
  return value;
}
