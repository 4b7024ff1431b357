// Sloth's AlertWindows files (sloth.slok.dev/v1, internal/alert/windows/*.yaml): the SLO period and the budget share,
// short and long window of the quick and slow page and ticket alerts. detect → parse → map, issues instead of throws.
import { z } from 'zod';
import { ALERT_KEYS, checkAlertSet, formatDuration, parseDuration, type AlertWindow, type AlertWindowSet } from '../budget/alerts';
import type { ImportIssue } from './types';
import { locatePath, parseYamlSafely, yamlIssue, type ImportResult, type SafeYaml } from './yaml-guard';

/** The apiVersion an AlertWindows file declares. */
export const SLOTH_ALERT_WINDOWS_API = 'sloth.slok.dev/v1';

const windowSchema = z
  .object({
    errorBudgetPercent: z.number({ message: 'must be a number, the share of the budget in percent' }),
    shortWindow: z.string({ message: 'must be a duration such as 5m' }),
    longWindow: z.string({ message: 'must be a duration such as 1h' }),
  })
  .strict();

const pairSchema = z.object({ quick: windowSchema, slow: windowSchema }).strict();

const fileSchema = z
  .object({
    apiVersion: z.literal(SLOTH_ALERT_WINDOWS_API, { message: `must be ${SLOTH_ALERT_WINDOWS_API}` }),
    kind: z.literal('AlertWindows', { message: 'must be AlertWindows' }),
    metadata: z.record(z.string(), z.unknown()).optional(),
    spec: z.object({ sloPeriod: z.string({ message: 'must be a duration such as 30d' }), page: pairSchema, ticket: pairSchema }).strict(),
  })
  .strict();

type SlothFile = z.infer<typeof fileSchema>;

/** True when a text looks like a Sloth AlertWindows file (its kind and apiVersion appear), before any parsing. */
export function detectSlothAlertWindows(text: string): boolean {
  return /^\s*kind:\s*["']?AlertWindows["']?\s*$/m.test(text) && /^\s*apiVersion:\s*["']?sloth\.slok\.dev\/v1["']?\s*$/m.test(text);
}

function zodIssues(yaml: SafeYaml, error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    const unknownKeys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    const message =
      issue.code === 'unrecognized_keys'
        ? `${where === '' ? 'The file' : where} has fields Sloth does not define${unknownKeys}`
        : `${where === '' ? 'The file' : where} ${issue.message}`;
    return yamlIssue('BAD_FIELD', message, locatePath(yaml, issue.path));
  });
}

function durationOf(yaml: SafeYaml, path: string[], text: string, issues: ImportIssue[]): number {
  const parsed = parseDuration(text);
  if (parsed.ok) return parsed.value;
  issues.push(yamlIssue('BAD_DURATION', `${path.join('.')}: ${parsed.message}`, locatePath(yaml, path)));
  return NaN;
}

function mapFile(yaml: SafeYaml, file: SlothFile, name: string | undefined): ImportResult<AlertWindowSet> {
  const issues: ImportIssue[] = [];
  const periodMinutes = durationOf(yaml, ['spec', 'sloPeriod'], file.spec.sloPeriod, issues);
  const windows = {} as Record<'page' | 'ticket', Record<'quick' | 'slow', AlertWindow>>;
  for (const { severity, speed } of ALERT_KEYS) {
    const raw = file.spec[severity][speed];
    const base = ['spec', severity, speed];
    const shortMinutes = durationOf(yaml, [...base, 'shortWindow'], raw.shortWindow, issues);
    const longMinutes = durationOf(yaml, [...base, 'longWindow'], raw.longWindow, issues);
    if (shortMinutes >= longMinutes) {
      issues.push(
        yamlIssue(
          'BAD_WINDOW',
          `spec.${severity}.${speed}: the short window (${raw.shortWindow}) must be shorter than the long window (${raw.longWindow})`,
          locatePath(yaml, [...base, 'shortWindow']),
        ),
      );
    }
    windows[severity] = { ...windows[severity], [speed]: { budgetPercent: raw.errorBudgetPercent, shortMinutes, longMinutes } };
  }
  if (issues.length > 0) return { ok: false, issues };
  const set: AlertWindowSet = { name: name ?? `Sloth AlertWindows, ${formatDuration(periodMinutes)}`, periodMinutes, ...windows };
  const checked = checkAlertSet(set);
  if (!checked.ok) return { ok: false, issues: [yamlIssue('BAD_ALERT_SET', checked.message, locatePath(yaml, ['spec']))] };
  return { ok: true, value: checked.value };
}

/**
 * Reads a Sloth AlertWindows YAML into an alert window set, refusing oversized, deeply nested, malformed or
 * ambiguous YAML (duplicate keys, unknown tags, aliases) and any window Sloth would not accept, each with its line and column.
 */
export function importSlothAlertWindows(text: string, options: { name?: string } = {}): ImportResult<AlertWindowSet> {
  const parsed = parseYamlSafely(text);
  if (!parsed.ok) return parsed;
  const yaml = parsed.value;
  let data: unknown;
  try {
    data = yaml.doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return { ok: false, issues: [yamlIssue('BAD_YAML', `The YAML cannot be read: ${(error as Error).message}`)] };
  }
  const file = fileSchema.safeParse(data);
  if (!file.success) return { ok: false, issues: zodIssues(yaml, file.error) };
  return mapFile(yaml, file.data, options.name);
}
