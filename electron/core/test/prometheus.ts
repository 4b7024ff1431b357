// Test support: a real Prometheus (Debian's `prometheus` package) on 127.0.0.1, its history backfilled from an
// OpenMetrics file with `promtool tsdb create-blocks-from openmetrics`, plus servers that misbehave on purpose.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Start of the backfilled history: 2024-03-01 00:00 UTC, in seconds. */
export const HISTORY_START_S = 1_709_251_200;
/** Length of the backfilled history: three days and an hour of one sample a minute, so 5-minute windows are full throughout three days. */
export const HISTORY_MINUTES = 3 * 1440 + 60;

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).concat('/usr/bin', '/usr/sbin')) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Why the live tests cannot run here (the binaries are missing), or null when they can. */
export function prometheusMissing(): string | null {
  const missing = ['prometheus', 'promtool'].filter((name) => onPath(name) === null);
  return missing.length === 0 ? null : `${missing.join(' and ')} not installed (apt-get install prometheus)`;
}

/**
 * Two request counters of a web service, one sample a minute: code="200" grows by 100–122 a minute, code="500" by
 * 0–2 with an outage of 40 a minute on the first day from 10:00 to 10:30. Written as OpenMetrics, series by series.
 */
export function requestCounters(): string {
  const lines = ['# HELP http_requests Requests served.', '# TYPE http_requests counter'];
  for (const code of ['200', '500']) {
    let count = 0;
    for (let minute = 0; minute < HISTORY_MINUTES; minute++) {
      const outage = minute >= 600 && minute < 630;
      count += code === '200' ? 100 + ((minute * 37) % 23) : outage ? 40 : minute % 3;
      lines.push(`http_requests_total{code="${code}"} ${count} ${HISTORY_START_S + minute * 60}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** A running Prometheus with the backfilled history, and how to stop it. */
export type TestPrometheus = { url: string; stop(): Promise<void> };

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`prometheus did not become ready within 60 s:\n${log()}`);
}

/** Rule files for Prometheus to load (name → text, each written into a rules folder) and how often it evaluates them. */
export type PrometheusRuleOptions = { ruleFiles?: Readonly<Record<string, string>>; evaluationInterval?: string };

/**
 * Backfills the history into a fresh data folder and starts Prometheus on it with no scrape targets, and with the
 * given rule files. Every path it writes (data, lock, WAL, rules) is inside the temp folder; retention is long enough
 * that the old blocks are kept.
 */
export async function startPrometheus(openMetrics: string, options: PrometheusRuleOptions = {}): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'swb-prom-'));
  writeFileSync(join(dir, 'history.om'), openMetrics);
  const ruleNames = Object.keys(options.ruleFiles ?? {});
  if (ruleNames.length > 0) mkdirSync(join(dir, 'rules'));
  for (const name of ruleNames) writeFileSync(join(dir, 'rules', name), options.ruleFiles![name]!);
  const rules = ruleNames.length > 0 ? `rule_files:\n${ruleNames.map((n) => `  - ${JSON.stringify(join(dir, 'rules', n))}\n`).join('')}` : '';
  const evaluation = options.evaluationInterval ? `  evaluation_interval: ${options.evaluationInterval}\n` : '';
  writeFileSync(join(dir, 'prometheus.yml'), `global:\n  scrape_interval: 1m\n${evaluation}${rules}scrape_configs: []\n`);
  execFileSync(onPath('promtool')!, ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'history.om'), join(dir, 'data')], { stdio: 'pipe' });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    onPath('prometheus')!,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, () => output.slice(-4000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** A local server for failure cases, and how to close it. */
export type TestServer = { url: string; close(): Promise<void> };

/** A TCP server that accepts connections and never answers: a Prometheus that hangs. */
export async function silentServer(): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}

/** An HTTP server that redirects every request to another host. */
export async function redirectingServer(to: string): Promise<TestServer> {
  const server = createHttpServer((_req, res) => res.writeHead(307, { location: to }).end());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}
