// Local times in a DST fold, the hour that happens twice when the clocks go back (Europe/Berlin 2027-10-31 02:00–02:59
// CEST, then again CET). Rows are in time order, so within one fold the first occurrence of a wall time is the earlier
// instant, and once the wall time goes back (or repeats) the second pass has begun: those rows are the later instants.
// A fold whose wall times never go back holds one pass only, and which one cannot be told: its rows are refused with
// one error naming the hour and the zone, rather than guessed. Either way one issue sums the fold up, not one per row.
import { describeTime } from '../bounds';
import type { IssueLog } from './issues';
import type { SampleGatherer } from './normalise';

/**
 * Settles the rows of DST folds as they come. The caller gives every ambiguous row to `add` (never to the gatherer),
 * and calls `end` before adding any other row while `open`, and once after the last row.
 */
export type FoldResolver = {
  /** True while a fold's rows are being read; a row outside it must `end` it first. */
  open: boolean;
  /** Rows refused so far because their fold held one pass only. */
  rejected: number;
  /** One row whose local time is ambiguous: `ms` the earlier instant, `laterMs` the later, `wallMs` the wall clock. */
  add: (ms: number, laterMs: number, wallMs: number, line: number, good: number, total: number) => void;
  /** The open fold is over: its summary issue is logged and first-pass rows are added or refused. */
  end: () => void;
};

function utcOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const lines = (from: number, to: number): string => (from === to ? `line ${from}` : `lines ${from}–${to}`);
const capital = (text: string): string => text[0]!.toUpperCase() + text.slice(1);

/**
 * A resolver adding settled rows to `samples` and logging each fold's summary; `zone` names the zone in messages and
 * `column` gives the time column's 1-based number once it is known.
 */
export function createFoldResolver(zone: string, samples: SampleGatherer, log: IssueLog, column: () => number): FoldResolver {
  // The fold's state, one variable a line: alike in shape to other scanners' state, not logic shared with them.
  // First-pass rows wait here until the fold shows whether a second pass follows.
  let waiting: number[] = [];
  let shiftMs = 0;
  let lastMs = 0;
  let firstLine = 0;
  let lastFirstLine = 0;
  let secondLine = 0;
  let lastLine = 0;
  let rows = 0;
  let second = false;
  let minWall = 0;
  let maxWall = 0;
  let earlierOffsetMs = 0;
  const start = (ms: number, laterMs: number, wallMs: number, line: number): void => {
    resolver.open = true;
    waiting = [];
    shiftMs = laterMs - ms;
    earlierOffsetMs = wallMs - ms;
    firstLine = line;
    rows = 0;
    second = false;
    minWall = wallMs;
    maxWall = wallMs;
  };
  const resolver: FoldResolver = {
    open: false,
    rejected: 0,
    add(ms, laterMs, wallMs, line, good, total) {
      // Wall times of one fold lie within one shift of each other; farther apart, it is the next autumn's fold.
      if (resolver.open && Math.abs(ms - lastMs) >= shiftMs) resolver.end();
      if (!resolver.open) start(ms, laterMs, wallMs, line);
      if (!second && rows > 0 && ms <= lastMs) {
        second = true;
        secondLine = line;
        for (let i = 0; i < waiting.length; i += 4) samples.add(waiting[i]!, waiting[i + 1]!, waiting[i + 2]!, waiting[i + 3]!);
        waiting = [];
      }
      if (second) samples.add(laterMs, good, total, line);
      else {
        waiting.push(ms, good, total, line);
        lastFirstLine = line;
      }
      rows++;
      lastMs = ms;
      lastLine = line;
      if (wallMs < minWall) minWall = wallMs;
      if (wallMs > maxWall) maxWall = wallMs;
    },
    end() {
      if (!resolver.open) return;
      resolver.open = false;
      const [first, last] = [describeTime(minWall), describeTime(maxWall)];
      const from = first.slice(0, 16).replace('T', ' ');
      // The date is said once when the fold's rows share it (they always do, unless a zone's fold spans midnight).
      const to = first.slice(0, 10) === last.slice(0, 10) ? last.slice(11, 16) : last.slice(0, 16).replace('T', ' ');
      const before = utcOffset(earlierOffsetMs);
      const after = utcOffset(earlierOffsetMs - shiftMs);
      const where = capital(lines(firstLine, lastLine));
      const what = rows === 1 ? `the row at local time ${from} falls` : `the ${rows} rows at local times ${from} to ${to} fall`;
      const hour = `in the hour that happens twice in ${zone} as DST ends`;
      if (second) {
        log.add({
          severity: 'warning',
          code: 'AMBIGUOUS_TIME',
          line: firstLine,
          column: column(),
          message: `${where}: ${what} ${hour}; rows in file order were read as the first pass (${before}, ${lines(firstLine, lastFirstLine)}) then the second pass (${after}, ${lines(secondLine, lastLine)})`,
        });
        return;
      }
      const example = first.slice(0, 19);
      const [it, they, them] = rows === 1 ? ['it', 'it is', 'it'] : ['each of them', 'they are', 'them'];
      log.add({
        severity: 'error',
        code: 'AMBIGUOUS_TIME',
        line: firstLine,
        column: column(),
        message:
          `${where}: ${what} ${hour} (${before}, then ${after}), and the file has ${it} once, so which instant ${they} cannot be told; ` +
          `write ${them} with an offset, e.g. ${example}${before.slice(3)} or ${example}${after.slice(3)}`,
      });
      resolver.rejected += rows;
      waiting = [];
    },
  };
  return resolver;
}
