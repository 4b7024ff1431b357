import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeParser } from './time';

const RUNS = { seed: 31_337, numRuns: 500 };

/** An ISO time in one of the forms the fast path reads, built from its parts, with the instant it names. */
const isoForm = fc
  .record({
    minute: fc.integer({ min: Date.parse('0001-01-02T00:00:00Z') / 60_000, max: Date.parse('9999-12-30T00:00:00Z') / 60_000 }),
    second: fc.integer({ min: 0, max: 59 }),
    milli: fc.integer({ min: 0, max: 999 }),
    separator: fc.constantFrom('T', 't', ' '),
    seconds: fc.boolean(),
    fractionDigits: fc.integer({ min: 0, max: 9 }),
    offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    style: fc.constantFrom('Z', 'z', '+HH:MM', '+HHMM', '+HH'),
  })
  .map(({ minute, second, milli, separator, seconds, fractionDigits, offsetMinutes, style }) => {
    const zulu = style === 'Z' || style === 'z';
    const offset = zulu ? 0 : style === '+HH' ? Math.trunc(offsetMinutes / 60) * 60 : offsetMinutes;
    // Up to nine fraction digits; the time keeps the first three (padded), the rest are truncated.
    const fraction = seconds ? `${String(milli).padStart(3, '0')}987654`.slice(0, fractionDigits) : '';
    const instant = minute * 60_000 + (seconds ? second * 1000 : 0) + Number(fraction.slice(0, 3).padEnd(3, '0'));
    const wall = new Date(instant + offset * 60_000).toISOString();
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    const sign = offset < 0 ? '-' : '+';
    const zone = zulu ? style : style === '+HH:MM' ? `${sign}${hh}:${mm}` : style === '+HHMM' ? `${sign}${hh}${mm}` : `${sign}${hh}`;
    const clock = seconds ? `${wall.slice(11, 19)}${fraction ? `.${fraction}` : ''}` : wall.slice(11, 16);
    return { text: `${wall.slice(0, 10)}${separator}${clock}${zone}`, instant };
  });

describe('ISO times read in place', () => {
  const iso = createTimeParser('iso');

  it('reads every usual form to the instant it names, inside a larger text, as the full parser does', () => {
    fc.assert(
      fc.property(isoForm, fc.string({ maxLength: 4 }), (form, pad) => {
        const text = `${pad},${form.text},${pad}`;
        const start = pad.length + 1;
        const ms = iso.span(text, start, start + form.text.length);
        expect(ms).toBe(form.instant);
        expect(iso.parse(form.text)).toEqual({ ok: true, ms, ambiguous: false });
      }),
      RUNS,
    );
  });

  it('agrees with the full parser on any text: the same instant, or NaN and the full parser gives the reason', () => {
    const pieces = fc.constantFrom(
      '2024',
      '0099',
      '-',
      '02',
      '29',
      '30',
      'T',
      ' ',
      ':',
      '23',
      '24',
      '59',
      '60',
      '.',
      ',',
      '5',
      'Z',
      '+',
      '01:30',
      '1',
      'x',
      '',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const ms = iso.span(text, 0, text.length);
        const full = iso.parse(text);
        if (Number.isNaN(ms)) return;
        expect(full).toEqual({ ok: true, ms, ambiguous: false });
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('agrees with the full parser on valid dates followed by any tail of seconds, fractions and offsets', () => {
    const head = fc.constantFrom(
      '2024-01-31T12:34',
      '2023-02-28 23:59',
      '0000-01-01t00:00',
      '2024-02-29T00:00',
      '2023-02-29T00:00',
      '2024-04-31T00:00',
      '2024-13-01T00:00',
      '2024-00-10T00:00',
      '2024-01-31T24:00',
      '2024-01-31T23:60',
      '2024-01-00T00:00',
      '2O24-01-31T12:34',
    );
    const tail = fc.array(
      fc.constantFrom(':56', ':60', ':5', '.', ',', '1234567890', '0', 'Z', 'z', ' Z', '+', '-', '24', '2400', '23:59', '00:00', '12:3', '1', ':'),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(head, tail, (h, t) => {
        const text = h + t.join('');
        const ms = iso.span(text, 0, text.length);
        const full = iso.parse(text);
        if (!Number.isNaN(ms)) expect(full).toEqual({ ok: true, ms, ambiguous: false });
        // Only a space before the zone is left to the full parser among times it accepts.
        else if (!t.includes(' Z')) expect(full.ok).toBe(false);
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(iso.span('0042-03-01T00:00:00Z', 0, 20)).toBe(new Date('0042-03-01T00:00:00Z').getTime());
    expect(iso.parse('0042-03-01T00:00:00Z')).toMatchObject({ ms: new Date('0042-03-01T00:00:00Z').getTime() });
  });

  it('leaves offset-less times to the full parser when no zone is chosen, and near DST changes', () => {
    expect(iso.span('2024-03-31 02:30', 0, 16)).toBeNaN();
    const berlin = createTimeParser('iso', 'Europe/Berlin');
    expect(berlin.span('2024-06-01 12:00', 0, 16)).toBe(Date.UTC(2024, 5, 1, 10, 0));
    expect(berlin.span('2024-03-31 01:30', 0, 16)).toBeNaN();
    expect(berlin.parse('2024-03-31 01:30')).toEqual({ ok: true, ms: Date.UTC(2024, 2, 31, 0, 30), ambiguous: false });
    expect(berlin.parse('2024-03-31 02:30')).toMatchObject({ ok: false, code: 'NONEXISTENT_TIME' });
  });

  it('reads epoch seconds and milliseconds in place within the range of dates', () => {
    expect(createTimeParser('epoch-s').span('x1700000000.5', 1, 13)).toBe(1_700_000_000_500);
    expect(createTimeParser('epoch-ms').span(' 1700000000000 ', 0, 15)).toBe(1_700_000_000_000);
    expect(createTimeParser('epoch-ms').span('9e15', 0, 4)).toBeNaN();
  });
});
