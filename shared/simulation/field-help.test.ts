import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FIELD_HELP, fieldHelp } from './field-help';
import { scenarioSchema } from './scenario';

/** The dotted names of every field the schema accepts, events written once as `events[]`; a union (a duration) is one field. */
function fieldNames(schema: z.ZodType, prefix: string): string[] {
  const def = schema.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
  if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable') return fieldNames(def.innerType!, prefix);
  if (def.type === 'array' && def.element!.def.type === 'object') return [prefix, ...fieldNames(def.element!, `${prefix}[]`)];
  if (def.type === 'object') return Object.entries(def.shape!).flatMap(([key, field]) => fieldNames(field, prefix === '' ? key : `${prefix}.${key}`));
  return [prefix];
}

describe('the help of the scenario fields', () => {
  it('explains every field of the scenario schema, and no field it does not have', () => {
    const names = fieldNames(scenarioSchema, '');
    expect(names).toContain('deploys.detectMinutes');
    expect(names).toContain('events[].excluded');
    expect(Object.keys(FIELD_HELP).sort()).toEqual([...names].sort());
  });

  it('gives every field a label, a unit and one sentence', () => {
    for (const [field, h] of Object.entries(FIELD_HELP)) {
      expect(h.label.length, field).toBeGreaterThan(2);
      expect(h.unit.length, field).toBeGreaterThan(2);
      expect(h.help, field).toMatch(/^[A-Z“].*[.]$/);
      expect(h.help.split('. ').length, field).toBe(1);
    }
  });

  it('finds the help of an event field by the name parseScenario gives it', () => {
    expect(fieldHelp('events[3].day')?.unit).toBe('days from the window’s start');
    expect(fieldHelp('deploys.perDay')).toBeNull();
  });
});
