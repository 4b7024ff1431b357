import { describe, expect, it } from 'vitest';
import { SCENARIO_PRESETS } from '#shared/simulation/presets';
import { parseScenario, type Scenario } from '#shared/simulation/scenario';
import { checkDraft, draftOf, isEdited } from './scenario-draft';

const parsed = (input: unknown): Scenario => {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('the scenario editor’s draft', () => {
  it.each(SCENARIO_PRESETS.map((p) => [p.id, p] as const))('reads %s back unchanged, so an untouched form is not an edit', (_id, preset) => {
    const stored = parsed(preset.scenario);
    const checked = checkDraft(draftOf(stored));
    expect(checked.issues).toEqual({});
    expect(isEdited(checked.scenario, stored)).toBe(false);
  });

  it('keeps a dependency source and a custom traffic shape it does not edit', () => {
    const shape = { daily: Array.from({ length: 24 }, (_, h) => (h < 8 ? 1 : 3)), weekly: [1, 1, 1, 1, 1, 0.5, 0.5] };
    const stored = parsed({ name: 'x', traffic: { shape }, dependencies: { enabled: true, from: 'scenarios' } });
    const checked = checkDraft(draftOf(stored));
    expect(isEdited(checked.scenario, stored)).toBe(false);
    expect(checked.scenario?.dependencies.from).toBe('scenarios');
  });

  it('refuses an emptied number with the schema’s message for that field, keyed by its dotted name', () => {
    const draft = { ...draftOf(parsed({ name: 'x', deploys: { perWeek: 3 } })), deploysPerWeek: ' ', incidentErrorRate: '1,5' };
    const checked = checkDraft(draft);
    expect(checked.scenario).toBeNull();
    expect(checked.issues).toEqual({ 'deploys.perWeek': 'deploys.perWeek must be a number', 'incidents.errorRate': 'incidents.errorRate must be a number' });
  });

  it('names the event row a problem is in', () => {
    const draft = draftOf(parsed({ name: 'x', events: [{ day: 1, durationMinutes: 30, errorRate: 0.5 }] }));
    draft.events[0] = { ...draft.events[0]!, durationMinutes: '0' };
    expect(checkDraft(draft).issues).toEqual({ 'events[0].durationMinutes': 'events[].durationMinutes must be longer than 0 minutes' });
  });
});
