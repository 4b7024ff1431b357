import { describe, expect, it } from 'vitest';
import { createExporterRegistry, EXPORTERS } from './registry';
import type { Exporter } from './types';

const plain = (id: string): Exporter => ({
  id,
  title: `Plain ${id}`,
  extensions: ['.txt'],
  losses: [{ id: 'timeslices', description: 'Timeslice budgeting has no field here' }],
  render: (snapshot) => ({
    files: [{ name: `${id}.txt`, text: snapshot.services.map((s) => s.service.name).join('\n') }],
    report: { format: id, losses: [] },
  }),
});

describe('the exporter registry', () => {
  it('finds an exporter by its id and keeps the order it was given', () => {
    const registry = createExporterRegistry([plain('b'), plain('a')]);
    expect(registry.list.map((e) => e.id)).toEqual(['b', 'a']);
    expect(registry.byId('a')?.title).toBe('Plain a');
    expect(registry.byId('c')).toBeUndefined();
  });

  it('refuses two exporters with the same id', () => {
    expect(() => createExporterRegistry([plain('openslo'), plain('sloth'), plain('openslo')])).toThrow(
      'Two exporters have the id "openslo": each format needs its own id',
    );
  });

  it('lists the OpenSLO v1 exporter under its id', () => {
    expect(EXPORTERS.byId('openslo')?.title).toBe('OpenSLO v1');
  });

  it('lists the Sloth and Prometheus rules exporters under their ids', () => {
    expect(EXPORTERS.byId('sloth')?.title).toBe('Sloth prometheus/v1');
    expect(EXPORTERS.byId('prometheus-rules')?.title).toBe('Prometheus rules');
  });

  it('lists the Pyrra exporter under its id', () => {
    expect(EXPORTERS.byId('pyrra')?.title).toBe('Pyrra ServiceLevelObjective');
  });
});
