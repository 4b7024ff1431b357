// Spec files are read in a worker within size, depth, alias and time limits: each refusal names the file and leaves
// the workspace as it was, and a spec of 10,000 SLOs still imports within seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SPEC_LIMITS } from '#shared/specs/spec-limits';
import { importSpecs } from './services/spec-import-service';
import { SPEC_READ_LIMITS, type SpecReadLimits } from './services/spec-read';
import { WorkspaceSession } from './services/workspace-session';
import { bigSlothSpec } from './test/big-spec';

let dir: string;
let session: WorkspaceSession;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swb-spec-read-'));
  session = new WorkspaceSession();
  session.create(join(dir, 'w.slowb'));
  session.edit('seed', null, (repo, now) => {
    const id = repo.insertService('chatbot', '', '', now);
    repo.insertSli(id, 'availability', 'availability', { latencyThresholdMs: null, freshnessMaxAgeMs: null, wording: null, queries: null, histogram: null });
    return { serviceId: id, value: id };
  });
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything the workspace holds that an import could change: services with SLIs and tiers, versions, and undo. */
function contents() {
  const services = session.reader().listServices();
  return { services, versions: services.map((s) => session.review().rowsOfService(s.id)), undo: session.state().undoLabel };
}

/** The message an import of one file is refused with. */
async function refusal(name: string, text: string, limits: SpecReadLimits = {}): Promise<{ code: string; message: string }> {
  const before = contents();
  const error = await importSpecs(session, { files: [{ name, text }], rationale: '' }, 0, limits).then(
    () => null,
    (e: { error: { code: string; message: string } }) => e.error,
  );
  expect(contents()).toEqual(before);
  if (error === null) throw new Error(`${name} was imported`);
  return { code: error.code, message: error.message };
}

const SLOTH_HEADER = 'version: prometheus/v1\nservice: laughs\nslos:\n  - name: requests\n    objective: 99\n';

describe('reading spec files within limits', () => {
  it('refuses a billion-laughs YAML at its first alias, without expanding it, naming the file', async () => {
    const levels = ['    description: &a "lol"'];
    for (let n = 1; n < 30; n++)
      levels.push(
        `    l${n}: &l${n} [${Array(9)
          .fill(n === 1 ? '*a' : `*l${n - 1}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    expect(await refusal('laughs.yaml', `${SLOTH_HEADER}${levels.join('\n')}\n`)).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Nothing was imported: laughs.yaml: Aliases (*a) are not accepted: write each value out',
    });
    // 9^29 strings if expanded; refused in the time it takes to start a worker.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a document nested deeper than 64 levels, YAML or JSON, before parsing it', async () => {
    expect(await refusal('deep.yaml', `${SLOTH_HEADER}    labels: ${'['.repeat(100_000)}\n`)).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Nothing was imported: deep.yaml: The YAML is nested more than 64 levels deep',
    });
    expect(await refusal('deep.json', `{"apiVersion": "openslo/v1", "kind": "Service", "spec": ${'['.repeat(100_000)}`)).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Nothing was imported: deep.json (line 1, column 120): The JSON is nested more than 64 levels deep',
    });
  });

  it('refuses a file over the size cap before parsing it', async () => {
    const tiny = { spec: { ...SPEC_LIMITS, maxBytes: 1024 } };
    expect(await refusal('big.yaml', `${SLOTH_HEADER}${'# padding\n'.repeat(200)}`, tiny)).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Nothing was imported: big.yaml: The file is 3 KiB; at most 1 KiB of YAML is accepted',
    });
  });

  it('stops a parse that runs past the time limit by terminating its worker, naming the file', async () => {
    const slow = { worker: { ...SPEC_READ_LIMITS, timeoutMs: 300 } };
    const started = performance.now();
    expect(await refusal('slow.yaml', bigSlothSpec(300, 10), slow)).toEqual({
      code: 'CANCELLED',
      message: 'Reading slow.yaml took longer than 300 ms and was stopped',
    });
    // The parse alone takes about a second: the answer came when the worker was stopped, not when it finished.
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('imports a spec of 10,000 SLOs (1,000 services) within seconds, each service proposed as version 1', async () => {
    const text = bigSlothSpec(1000, 10);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const started = performance.now();
    const outcome = await importSpecs(session, { files: [{ name: 'big.yaml', text }], rationale: '' }, 0);
    const seconds = (performance.now() - started) / 1000;
    expect(outcome.services).toHaveLength(1000);
    expect(outcome.services.every((s) => s.created && s.slisAdded.length === 10 && s.proposedVersion === 1)).toBe(true);
    const services = session.reader().listServices();
    expect(services).toHaveLength(1001);
    expect(services.find((s) => s.name === 'svc-0999')?.slis[9]?.objectives.slo?.targetPpm).toBe(999_000);
    expect(seconds).toBeLessThan(30);
  }, 60_000);
});
