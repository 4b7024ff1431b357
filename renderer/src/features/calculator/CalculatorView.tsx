import { useState } from 'react';
import { parseRequestsPerDay } from '#shared/budget/traffic';
import { formatPpmPercent, parseTargetPercent } from '#shared/domain/percent';
import type { CalendarUnit } from '#shared/domain/types';
import { checkTimeZone } from '#shared/domain/window';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { alertTable } from '../budget/alert-table';
import { AlertSetsPanel } from '../budget/AlertSetsPanel';
import { AlertsTable } from '../budget/AlertsTable';
import { calendarAnswer, currentPeriodText, downtimeCells } from './calculator-model';
import { CalendarBudget } from './CalendarBudget';
import { DowntimeTable } from './DowntimeTable';
import { TargetPicker } from './TargetPicker';

const THIRTY_DAYS = 30 * 1440;

/** The budget calculator, made for a workshop projector: a target and a traffic in, downtime, bad requests and alerts out. */
export function CalculatorView() {
  const alertSets = useApp((s) => s.alertSets);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const [target, setTarget] = useState('99.9');
  const [traffic, setTraffic] = useState('');
  const [unit, setUnit] = useState<CalendarUnit>('month');
  const [zone, setZone] = useState('UTC');
  const [period, setPeriod] = useState(() => currentPeriodText('month', 'UTC', Date.now()));

  const ppm = parseTargetPercent(target);
  const requests = parseRequestsPerDay(traffic);
  const requestsPerDay = requests.ok ? requests.value : null;
  const changeUnit = (next: CalendarUnit) => {
    setUnit(next);
    const known = checkTimeZone(zone === '' ? 'UTC' : zone);
    setPeriod(currentPeriodText(next, known.ok ? known.value : 'UTC', Date.now()));
  };

  return (
    <main className="panel calculator" aria-label="Budget calculator">
      <h1>Budget calculator</h1>
      <p className="lead muted">Error budget = 1 − target. Pick a target, add your traffic, and read what it allows.</p>
      <div className="row calc-inputs">
        <TargetPicker target={target} error={ppm.ok ? null : ppm.message} onChange={setTarget} />
        <Field
          label="Traffic (optional)"
          value={traffic}
          suffix="requests per day"
          testId="calc-traffic"
          placeholder="e.g. 1,000,000"
          onChange={setTraffic}
          error={requests.ok ? null : requests.message}
        />
      </div>
      {ppm.ok ? (
        <>
          <DowntimeTable cells={downtimeCells(ppm.value, requestsPerDay)} target={formatPpmPercent(ppm.value)} />
          <CalendarBudget
            unit={unit}
            period={period}
            zone={zone}
            answer={calendarAnswer(ppm.value, unit, period, zone, requestsPerDay)}
            onUnit={changeUnit}
            onPeriod={setPeriod}
            onZone={setZone}
          />
          <section aria-label="Burn-rate alerts">
            <h2>Burn-rate alerts over 30 days</h2>
            <AlertsTable
              table={alertTable(alertSets, ppm.value, THIRTY_DAYS)}
              testId="calc-alerts"
              caption={`Page and ticket alerts for ${formatPpmPercent(ppm.value)} % over a rolling 30-day window`}
            />
          </section>
        </>
      ) : (
        <p className="muted">Type a target between 50 % and 100 % to see its budget.</p>
      )}
      <AlertSetsPanel readOnly={readOnly} />
    </main>
  );
}
