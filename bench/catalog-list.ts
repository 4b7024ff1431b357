import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TIERS } from '#shared/domain/types';
import { createCore } from '../electron/core/registry';
import { createWorkspaceDb } from '../electron/core/storage/db';
import { CatalogRepo, thresholdOnly } from '../electron/core/storage/repos/catalog-repo';
import { medianMs, medianMsAsync, report, type Measurement } from './measure';

const SERVICES = 1000;
const SLIS_PER_SERVICE = 3;

/** Seeds 1,000 services × 3 SLIs × 3 tiers in one transaction, straight through the repository. */
function seed(path: string): void {
  const { db } = createWorkspaceDb(path);
  const repo = new CatalogRepo(db);
  db.transaction(() => {
    for (let s = 0; s < SERVICES; s++) {
      const serviceId = repo.insertService(`service-${String(s).padStart(4, '0')}`, 'team', '', 0);
      for (let i = 0; i < SLIS_PER_SERVICE; i++) {
        const latency = i === 2;
        const sliId = repo.insertSli(serviceId, `sli-${i}`, latency ? 'latency' : 'availability', thresholdOnly(latency ? 200 : null));
        TIERS.forEach((tier, t) =>
          repo.upsertObjective(sliId, {
            tier,
            targetPpm: 990_000 + t * 4_000,
            window: { kind: 'rolling', days: 30 },
            method: 'occurrences',
            timeslice: null,
            latencyThresholdMs: latency ? 200 : null,
          }),
        );
      }
    }
  })();
  db.close();
}

/** Lists a 1,000-service workspace through the core, against a bare SQLite read of the same rows. */
export async function benchCatalogList(): Promise<Measurement[]> {
  const dir = mkdtempSync(join(tmpdir(), 'swb-bench-'));
  try {
    const path = join(dir, 'big.slowb');
    seed(path);
    const bare = new Database(path, { readonly: true });
    const services = bare.prepare('SELECT * FROM services ORDER BY name COLLATE NOCASE, id');
    const slis = bare.prepare('SELECT * FROM slis ORDER BY service_id, position, id');
    const objectives = bare.prepare('SELECT * FROM objectives');
    let rows = 0;
    const baseline = medianMs(() => {
      rows = services.all().length + slis.all().length + objectives.all().length;
    });
    bare.close();

    const core = createCore({ host: 'cli', version: 'bench', settingsDir: join(dir, 'settings'), resolvePath: (p) => p });
    const opened = await core.call('workspace/open', { path });
    if (!opened.ok) throw new Error(opened.error.message);
    let listed = 0;
    const value = await medianMsAsync(async () => {
      const r = await core.call('catalog/list', {});
      if (!r.ok) throw new Error(r.error.message);
      listed = r.value.length;
    });
    core.dispose();
    if (listed !== SERVICES || rows !== SERVICES * (1 + SLIS_PER_SERVICE * 4)) throw new Error(`wrong counts: ${listed} services, ${rows} rows`);
    return [report({ name: 'catalog-list-1000-services', value, unit: 'ms', baseline, target: 'ratio <= 3' })];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
