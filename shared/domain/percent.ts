import type { FieldCheck } from './validation';

/** Parts per million in 100 %. */
export const PPM_PER_WHOLE = 1_000_000;

// Decimal text only: no exponents, hex, thousands separators or trailing junk (R23).
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a target typed as a percentage ("99.9", "99.95 %") into integer parts per million.
 * Objectives are never stored as floats, so digits beyond 1 ppm (four decimals of a percent) are refused.
 */
export function parseTargetPercent(text: string): FieldCheck<number> {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (trimmed === '') return { ok: false, message: 'Target is required, e.g. 99.9' };
  if (!DECIMAL.test(trimmed)) return { ok: false, message: `Target must be a number such as 99.9, not "${text.trim()}"` };
  const negative = trimmed.startsWith('-');
  const unsigned = trimmed.replace(/^[+-]/, '');
  const [whole = '0', frac = ''] = unsigned.split('.');
  if (frac.replace(/0+$/, '').length > 4) {
    return { ok: false, message: 'Target can have at most 4 decimals (1 part per million)' };
  }
  const wholeNum = Number(whole === '' ? '0' : whole);
  const ppmAbs = wholeNum * 10_000 + Number((frac + '0000').slice(0, 4));
  const ppm = negative ? -ppmAbs : ppmAbs;
  return checkTargetPpm(ppm);
}

/** The loosest target accepted: below 50 % the "error budget" would exceed the good events it guards. */
export const MIN_TARGET_PPM = 500_000;

/** Checks that a target in ppm leaves an error budget and is a real objective: at least 50 %, below 100 %. */
export function checkTargetPpm(ppm: number): FieldCheck<number> {
  if (!Number.isInteger(ppm)) return { ok: false, message: 'Target must be a whole number of parts per million' };
  if (ppm >= PPM_PER_WHOLE) return { ok: false, message: 'Target must be below 100 % (100 % leaves no error budget)' };
  if (ppm < MIN_TARGET_PPM) return { ok: false, message: 'Target must be at least 50 % (a looser target is not an objective)' };
  return { ok: true, value: ppm };
}

/** Formats ppm as a percentage without trailing zeros: 999000 → "99.9". */
export function formatPpmPercent(ppm: number): string {
  const negative = ppm < 0;
  const abs = Math.abs(ppm);
  const whole = Math.floor(abs / 10_000);
  const frac = String(abs % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? '.' + frac : ''}`;
}

/** Formats a difference in ppm as percentage points: 4000 → "0.4 pp". */
export function formatPpmPoints(ppm: number): string {
  return `${formatPpmPercent(ppm)} pp`;
}
