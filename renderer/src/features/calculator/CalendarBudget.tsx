import { CALENDAR_UNITS, type CalendarUnit } from '#shared/domain/types';
import { Field } from '../../components/Field';
import type { CalendarAnswer } from './calculator-model';

type Props = {
  unit: CalendarUnit;
  period: string;
  zone: string;
  answer: CalendarAnswer;
  onUnit(unit: CalendarUnit): void;
  onPeriod(period: string): void;
  onZone(zone: string): void;
};

/** A real calendar period in a time zone: its length (February is not March, DST shifts an hour) and the budget over it. */
export function CalendarBudget({ unit, period, zone, answer, onUnit, onPeriod, onZone }: Props) {
  return (
    <section className="calc-calendar" aria-label="Calendar period">
      <h2>A calendar period</h2>
      <div className="row">
        <div className="field field-narrow">
          <label htmlFor="calc-unit">Calendar unit</label>
          <select id="calc-unit" value={unit} onChange={(e) => onUnit(e.target.value as CalendarUnit)} data-testid="calc-unit">
            {CALENDAR_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Period"
          value={period}
          testId="calc-period"
          onChange={onPeriod}
          error={answer.ok ? null : answer.errors.period}
          hint="e.g. 2027-02, 2027-Q1"
        />
        <Field
          label="Time zone"
          value={zone}
          testId="calc-zone"
          onChange={onZone}
          placeholder="UTC"
          error={answer.ok ? null : answer.errors.timeZone}
          hint="IANA name, e.g. Europe/Berlin"
        />
      </div>
      {answer.ok ? (
        <p className="calc-calendar-answer" data-testid="calc-calendar-answer">
          <strong>{answer.label}</strong> lasts <strong>{answer.length}</strong> ({answer.minutes}): allowed downtime{' '}
          <strong className="big-number">{answer.downtime}</strong> <span className="muted">(= {answer.exact})</span>
          {answer.badEvents !== null ? (
            <>
              , <strong>{answer.badEvents}</strong> bad requests
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
