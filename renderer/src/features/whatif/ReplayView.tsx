import { useState } from 'react';
import type { Sli } from '#shared/domain/types';
import { formatUtcSpan } from '../../charts/layout/time-layout';
import { useApp } from '../../store/context';
import type { HistorySpan } from '../../store/simulation-slice';
import { InjectionsEditor } from './InjectionsEditor';
import { ReplayResults } from './ReplayResults';
import { checkInjection, msOfUtcInput, newInjection, type InjectionDraft } from './replay-draft';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Where a new injected event starts by default: a week before the history ends, on the hour, inside any window of a week or more. */
function defaultStart(endMs: number, startMs: number): number {
  return Math.max(startMs, Math.floor((endMs - 7 * DAY_MS) / HOUR_MS) * HOUR_MS);
}

/**
 * Replay a window of the SLI's imported history (by default the last window of its SLO) with events injected, and see
 * it beside the history as it was.
 */
export function ReplayView({ sli }: { sli: Sli }) {
  const span = useApp((s) => s.historySpan);
  if (!span) {
    return (
      <p className="panel muted" data-testid="replay-no-history">
        {sli.name} has no imported history yet: import some on the History screen to replay it with injected events.
      </p>
    );
  }
  return <ReplayForm key={span.seriesId} sli={sli} span={span} />;
}

/** The replay's window, injected events and results, for history that spans `span`. */
function ReplayForm({ sli, span }: { sli: Sli; span: HistorySpan }) {
  const report = useApp((s) => s.replay);
  const running = useApp((s) => s.replayRunning);
  const runReplay = useApp((s) => s.runReplay);
  const [fromText, setFrom] = useState('');
  const [toText, setTo] = useState('');
  const [excluding, setExcluding] = useState(true);
  const [rows, setRows] = useState<InjectionDraft[]>(() => [newInjection(defaultStart(span.endMs, span.startMs))]);
  const checked = rows.map(checkInjection);
  const fromMs = fromText === '' ? null : msOfUtcInput(fromText);
  const toMs = toText === '' ? null : msOfUtcInput(toText);
  const windowError = Number.isNaN(fromMs) || Number.isNaN(toMs) ? 'From and To are dates and times (UTC), or empty for the last SLO window' : null;
  const ok = windowError === null && checked.every((c) => c.ok);
  const replay = () =>
    void runReplay({
      seriesId: span.seriesId,
      fromMs,
      toMs,
      excluding,
      injections: checked.flatMap((c) => (c.ok ? [c.value] : [])),
    });
  return (
    <section className="wf-replay panel" aria-label="Replay on history" data-testid="replay-view">
      <p className="wf-help wf-replay-span">
        History of {sli.name}: {formatUtcSpan(span.startMs, span.endMs)}. Leave From and To empty to replay the last window of the SLO.
      </p>
      <div className="wf-input-row">
        <label className="wf-sub">
          <span>From (UTC)</span>
          <input type="datetime-local" value={fromText} onChange={(e) => setFrom(e.target.value)} data-testid="replay-from" />
        </label>
        <label className="wf-sub">
          <span>To (UTC)</span>
          <input type="datetime-local" value={toText} onChange={(e) => setTo(e.target.value)} data-testid="replay-to" />
        </label>
        <label className="check">
          <input type="checkbox" checked={excluding} onChange={(e) => setExcluding(e.target.checked)} />
          Leave excluded periods out
        </label>
      </div>
      {windowError ? (
        <p className="field-error" role="alert">
          {windowError}
        </p>
      ) : null}
      <InjectionsEditor rows={rows} onChange={setRows} defaultStartMs={defaultStart(span.endMs, span.startMs)} />
      <button type="button" className="primary" disabled={!ok || running} onClick={replay} data-testid="replay-start">
        {running ? 'Replaying…' : 'Replay'}
      </button>
      {report && report.sliId === sli.id ? <ReplayResults report={report} /> : null}
    </section>
  );
}
