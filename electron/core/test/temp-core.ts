// Test support for core tests: a core on a fresh temporary folder, and unwrapping results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../registry';

/** The value of a successful result; a failure throws with its error, so a test fails naming it. */
export async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A CLI-host core whose settings and relative paths live in a new temporary folder. */
export function tempCore(prefix: string): { dir: string; core: Core } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const core = createCore({ host: 'cli', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(dir, p) });
  return { dir, core };
}

/** Disposes of a core made by tempCore and removes its folder. */
export function removeTempCore({ dir, core }: { dir: string; core: Core }): void {
  core.dispose();
  rmSync(dir, { recursive: true, force: true });
}

/** A temp core with a new workspace w.slowb holding service "site" and its availability SLI, whose id it gives. */
export async function coreWithSli(prefix: string): Promise<{ dir: string; core: Core; sliId: number }> {
  const made = tempCore(prefix);
  await value(made.core.call('workspace/create', { path: 'w.slowb' }));
  const svc = await value(made.core.call('service/create', { name: 'site' }));
  const sli = await value(made.core.call('sli/create', { serviceId: svc.id, name: 'availability', kind: 'availability' }));
  return { ...made, sliId: sli.id };
}
