import type Database from 'better-sqlite3';
import type { StoredScenario } from '#shared/ipc/contract';
import type { SimulationResult } from '#shared/simulation/result';
import { formatScenarioIssues, parseScenario, scenarioSchema, type Scenario } from '#shared/simulation/scenario';

/** A scenarios row as stored: the scenario and its last run as JSON text. */
export type ScenarioRow = {
  id: number;
  sli_id: number;
  name: string;
  scenario: string;
  last_run: string | null;
  position: number;
  updated_ms: number;
};

type JoinedRow = ScenarioRow & { service_id: number };

const SELECT = 'SELECT s.*, l.service_id FROM scenarios s JOIN slis l ON l.id = s.sli_id';

/** A stored run is kept only while it still has the shape of a result; a run of an older shape reads as no run. */
function toRun(text: string | null): SimulationResult | null {
  if (text === null) return null;
  let run: Partial<SimulationResult> | null;
  try {
    run = JSON.parse(text) as Partial<SimulationResult> | null;
  } catch {
    return null;
  }
  return run !== null && typeof run === 'object' && Array.isArray(run.tiers) && typeof run.seed === 'number' ? (run as SimulationResult) : null;
}

/** The stored fields read back through the scenario schema, or why they cannot be. */
function readFields(text: string): { ok: true; value: Scenario } | { ok: false; why: string } {
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch (error) {
    return { ok: false, why: `its fields are not JSON: ${(error as Error).message}` };
  }
  const parsed = parseScenario(fields);
  return parsed.ok ? parsed : { ok: false, why: formatScenarioIssues(parsed.issues) };
}

/** A scenario of nothing but a name, every other field at its default; a name the schema refuses becomes "Scenario #id". */
function nameOnly(name: string, id: number): Scenario {
  const parsed = parseScenario({ name });
  return parsed.ok ? parsed.value : scenarioSchema.parse({ name: `Scenario #${id}` });
}

/** Reads one row back through the scenario schema; a row that fails it is returned with `unreadable` saying why. */
function toStored(r: JoinedRow): StoredScenario {
  const base = { id: r.id, sliId: r.sli_id, serviceId: r.service_id, updatedMs: r.updated_ms };
  const fields = readFields(r.scenario);
  if (fields.ok) return { ...base, scenario: fields.value, lastRun: toRun(r.last_run) };
  return {
    ...base,
    scenario: nameOnly(r.name, r.id),
    lastRun: null,
    unreadable: `The stored scenario "${r.name}" cannot be read (${fields.why}); it may have been written by a newer version of SLO Workbench. Save it again or delete it.`,
  };
}

/** The scenario as stored: the checked fields as JSON, so two equal scenarios are the same text. */
export function scenarioJson(scenario: Scenario): string {
  return JSON.stringify(scenario);
}

/** SQL for what-if scenarios and their last runs. */
export class ScenarioRepo {
  private readonly db: Database.Database;
  constructor(db: Database.Database) {
    this.db = db;
  }

  /** An SLI's scenarios in the order they were added; unreadable rows are listed too, marked `unreadable`. */
  listForSli(sliId: number): StoredScenario[] {
    return (this.db.prepare(`${SELECT} WHERE s.sli_id = ? ORDER BY s.position, s.id`).all(sliId) as JoinedRow[]).map(toStored);
  }

  get(id: number): StoredScenario | undefined {
    const row = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as JoinedRow | undefined;
    return row ? toStored(row) : undefined;
  }

  /** Finds a scenario of an SLI by name, case-insensitively. */
  findByName(sliId: number, name: string): { id: number; name: string } | undefined {
    return this.db.prepare('SELECT id, name FROM scenarios WHERE sli_id = ? AND name = ? COLLATE NOCASE').get(sliId, name) as
      { id: number; name: string } | undefined;
  }

  /** Adds a scenario after the SLI's others; it has no run yet. */
  insert(sliId: number, scenario: Scenario, now: number): number {
    const position = this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 FROM scenarios WHERE sli_id = ?').pluck().get(sliId) as number;
    return Number(
      this.db
        .prepare('INSERT INTO scenarios (sli_id, name, scenario, last_run, position, updated_ms) VALUES (?, ?, ?, NULL, ?, ?)')
        .run(sliId, scenario.name, scenarioJson(scenario), position, now).lastInsertRowid,
    );
  }

  /** Replaces a scenario's fields; its last run is kept only when the fields are exactly the ones it was run with. */
  replace(id: number, scenario: Scenario, now: number): void {
    const json = scenarioJson(scenario);
    this.db
      .prepare('UPDATE scenarios SET name = ?, last_run = CASE WHEN scenario = ? THEN last_run ELSE NULL END, scenario = ?, updated_ms = ? WHERE id = ?')
      .run(scenario.name, json, json, now, id);
  }

  /** Stores the result of a run with its scenario; false when the scenario is gone. */
  setLastRun(id: number, result: SimulationResult): boolean {
    return this.db.prepare('UPDATE scenarios SET last_run = ? WHERE id = ?').run(JSON.stringify(result), id).changes > 0;
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
  }

  /** Every scenario row of a service's SLIs, as stored (for undo). */
  rowsOfService(serviceId: number): ScenarioRow[] {
    return this.db.prepare('SELECT s.* FROM scenarios s JOIN slis l ON l.id = s.sli_id WHERE l.service_id = ? ORDER BY s.id').all(serviceId) as ScenarioRow[];
  }

  /**
   * Puts a service's scenarios back as `rows` recorded them, keeping their ids (undo and redo). A scenario whose fields
   * are unchanged keeps the run stored since, which is still its run; one whose fields differ gets the recorded run back.
   */
  restoreForService(serviceId: number, rows: readonly ScenarioRow[]): void {
    this.db
      .prepare('DELETE FROM scenarios WHERE sli_id IN (SELECT id FROM slis WHERE service_id = ?) AND id NOT IN (SELECT value FROM json_each(?))')
      .run(serviceId, JSON.stringify(rows.map((r) => r.id)));
    const put = this.db.prepare(`INSERT INTO scenarios (id, sli_id, name, scenario, last_run, position, updated_ms)
      VALUES (@id, @sli_id, @name, @scenario, @last_run, @position, @updated_ms)
      ON CONFLICT (id) DO UPDATE SET sli_id = excluded.sli_id, name = excluded.name,
        last_run = CASE WHEN scenario = excluded.scenario THEN last_run ELSE excluded.last_run END,
        scenario = excluded.scenario, position = excluded.position, updated_ms = excluded.updated_ms`);
    for (const row of rows) put.run(row);
  }
}
