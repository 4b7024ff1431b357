import { Worker } from 'node:worker_threads';
import { builtinModules } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, channelsFor } from '#shared/ipc/contract';
import { resolveScenario } from '#shared/simulation/resolve';
import { parseScenario } from '#shared/simulation/scenario';
import { objective, sliWith } from '#shared/simulation/test/run';
import { buildElectron } from './build-electron.mjs';

const root = resolve(import.meta.dirname, '..');
let out: string;
let bundles: { main: string; preload: string };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'swb-build-'));
  bundles = await buildElectron({ root, outDir: join(out, 'electron') });
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function requireTargets(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2] ?? ''))].sort();
}

describe('the Electron build', () => {
  it('bundles a preload that requires only electron and carries no zod', () => {
    const code = readFileSync(bundles.preload, 'utf8');
    expect(requireTargets(code)).toEqual(['electron']);
    expect(code).not.toMatch(/\brequire\s*\(\s*[^'"`\s]/);
    expect(code).not.toMatch(/zod|ZodError|safeParse/);
    expect(statSync(bundles.preload).size).toBeLessThan(10_000);
  });

  it('hands ipcRenderer only to the bridge factory and exposes one object', () => {
    const code = readFileSync(bundles.preload, 'utf8');
    expect(code.match(/ipcRenderer/g)).toHaveLength(1);
    expect(code).toMatch(/createPreloadApi\(import_electron\.ipcRenderer,/);
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  });

  it('exposes { invoke, on } with the contract-derived allowlist when the bundle runs', async () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (sent.push(args), { ok: true, value: null }), on() {}, removeListener() {} },
    };
    const fakeRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`the sandbox cannot load ${id}`);
      return electron;
    };
    runInNewContext(readFileSync(bundles.preload, 'utf8'), { require: fakeRequire, module: { exports: {} }, exports: {} });
    const api = exposed.get('api') as { invoke(c: string, a: unknown): Promise<unknown> };
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    const offered: readonly string[] = channelsFor('electron');
    for (const channel of CHANNELS) {
      sent.length = 0;
      const result = await api.invoke(channel, {});
      expect(sent.length, channel).toBe(offered.includes(channel) ? 1 : 0);
      if (!offered.includes(channel)) expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('bundles the main process requiring only electron, better-sqlite3 and Node built-ins', () => {
    const targets = requireTargets(readFileSync(bundles.main, 'utf8'));
    const builtin = new Set(builtinModules);
    expect(targets.filter((t) => !t.startsWith('node:') && !builtin.has(t))).toEqual(['better-sqlite3', 'electron']);
  });

  it('starts from the built main bundle against the Electron double and opens the one window', async () => {
    const double = join(out, 'electron-double.cjs');
    await build({
      entryPoints: [join(root, 'electron/test/electron-double.ts')],
      outfile: double,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      logLevel: 'warning',
    });
    const runner = join(out, 'run-main.cjs');
    writeFileSync(
      runner,
      `
      const Module = require('node:module');
      const double = require(${JSON.stringify(double)});
      const load = Module._load;
      Module._load = function (request, ...rest) { return request === 'electron' ? double : load.call(this, request, ...rest); };
      double.app.appPath = ${JSON.stringify(join(out, 'app'))};
      double.app.setPath('userData', ${JSON.stringify(join(out, 'user-data'))});
      require(${JSON.stringify(bundles.main)});
      setTimeout(() => {
        double.app.fireReady();
        setTimeout(() => {
          const windows = double.createdWindows.map((w) => ({ prefs: w.options.webPreferences, urls: w.loadedUrls }));
          console.log(JSON.stringify({ windows, handlers: [...double.ipcMain.handlers.keys()], log: double.callLog, menu: Boolean(double.Menu.applicationMenu) }));
          process.exit(0);
        }, 300);
      }, 20);
    `,
    );
    const stdout = execFileSync(process.execPath, [runner], { env: { ...process.env, NODE_PATH: join(root, 'node_modules') }, encoding: 'utf8' });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(report.log.slice(0, 3)).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']);
    expect(report.windows).toEqual([
      {
        prefs: expect.objectContaining({ sandbox: true, contextIsolation: true, preload: join(out, 'app', 'dist', 'electron', 'preload', 'index.cjs') }),
        urls: ['app://bundle/index.html'],
      },
    ]);
    expect(report.handlers).toEqual(['slo-workbench:invoke']);
    expect(report.menu).toBe(true);
  });

  it('bundles the parse worker so it reads a file without tsx, off the main thread', async () => {
    const worker = new Worker(join(out, 'electron', 'workers', 'parse-worker.cjs'));
    const bytes = new TextEncoder().encode('127.0.0.1 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 503 12 "-" "t"\n');
    const reply = await new Promise<{ ok: boolean; value: { format: string; accepted: number } }>((done) => {
      worker.once('message', done);
      worker.postMessage({ bytes, request: { format: 'auto' } });
    });
    await worker.terminate();
    expect(reply).toMatchObject({ ok: true, value: { format: 'access-log', accepted: 1 } });
  });

  it('bundles the simulate worker so a what-if runs without tsx, off the main thread, reporting progress', async () => {
    const worker = new Worker(join(out, 'electron', 'workers', 'simulate-worker.cjs'));
    const parsed = parseScenario({ name: 'one outage', events: [{ day: 3, durationMinutes: 60, errorRate: 0.5 }] });
    if (!parsed.ok) throw new Error('scenario');
    const { sli, service } = sliWith([objective('slo', 999_000)]);
    const resolved = resolveScenario(parsed.value, { sli, service, services: [service], facts: null, alertSets: [], startMs: Date.UTC(2027, 2, 1) });
    if (!resolved.ok) throw new Error('resolve');
    const messages: { progress?: unknown; ok?: boolean; value?: { tiers: { spent: { p50: number } }[] }[] }[] = [];
    await new Promise<void>((done) => {
      worker.on('message', (m: (typeof messages)[number]) => {
        messages.push(m);
        if (!('progress' in m)) done();
      });
      worker.postMessage({ inputs: [{ ...resolved.value.input, trials: 1000, seed: 1 }] });
    });
    await worker.terminate();
    expect(messages.filter((m) => 'progress' in m).length).toBeGreaterThan(0);
    // 30 bad minutes of a 43.2-minute budget.
    expect(messages.at(-1)!.value![0]!.tiers[0]!.spent.p50).toBeCloseTo(30 / 43.2, 10);
  });
});
