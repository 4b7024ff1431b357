import { describe, expect, it } from 'vitest';
import { settingsDirFor, type CliIo } from './session';
import { budgetText, formatMinutesValue, renderItems } from './text-output';

const io = (env: Record<string, string>): CliIo => ({ stdout: () => undefined, stderr: () => undefined, env, cwd: '/work' });

describe('human output helpers', () => {
  it('formats budgets in minutes with a readable duration from an hour up, and sorts calendar ranges', () => {
    expect(budgetText(43.2, 43.2)).toBe('43.2 min');
    expect(budgetText(40.32, 44.64)).toBe('40.32–44.64 min');
    expect(budgetText(432, 432)).toBe('432 min (7.2 h)');
    expect(budgetText(230.4, 208.8)).toBe('208.8–230.4 min (3.48 h–3.84 h)');
    expect(budgetText(-171.36, -175.68)).toBe('-175.68 to -171.36 min');
    expect(formatMinutesValue(0.0432)).toBe('0.0432');
    expect(formatMinutesValue(-0.00001)).toBe('0');
  });

  it('aligns rows column by column and leaves out columns that are empty in every row', () => {
    expect(renderItems([{ row: ['a', '', 'x'] }, { line: '  free text' }, { row: ['long name', '', 'y'] }])).toEqual([
      'a          x',
      '  free text',
      'long name  y',
    ]);
  });
});

describe('the settings folder', () => {
  it('prefers $SLO_WORKBENCH_HOME, then $XDG_CONFIG_HOME/slo-workbench, then ~/.config/slo-workbench', () => {
    expect(settingsDirFor(io({ SLO_WORKBENCH_HOME: 'swb', XDG_CONFIG_HOME: '/xdg', HOME: '/home/u' }))).toBe('/work/swb');
    expect(settingsDirFor(io({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/u' }))).toBe('/xdg/slo-workbench');
    expect(settingsDirFor(io({ HOME: '/home/u' }))).toBe('/home/u/.config/slo-workbench');
  });
});
