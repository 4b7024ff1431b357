import { useEffect, useState } from 'react';
import { formatCount } from '#shared/budget/budget';
import { parseRequestsPerDay } from '#shared/budget/traffic';
import type { Service } from '#shared/domain/types';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';

const shown = (requestsPerDay: number | null) => (requestsPerDay === null ? '' : formatCount(requestsPerDay));

/** The service's traffic in requests per day, which turns every budget into bad events; empty clears it. */
export function TrafficField({ service, readOnly }: { service: Service; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  const [text, setText] = useState(shown(service.requestsPerDay));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown(service.requestsPerDay));
    setError(null);
  }, [service.requestsPerDay]);

  const commit = async () => {
    const parsed = parseRequestsPerDay(text);
    if (!parsed.ok) return setError(parsed.message);
    if (parsed.value === service.requestsPerDay) return setError(null);
    const result = await edit('service/set-traffic', { serviceId: service.id, requestsPerDay: parsed.value });
    setError(result.ok ? null : result.error.message);
  };

  if (readOnly) {
    return <p className="traffic-readonly">Traffic: {service.requestsPerDay === null ? 'not set' : `${shown(service.requestsPerDay)} requests per day`}</p>;
  }
  return (
    <div className="traffic-field">
      <Field
        label="Traffic"
        value={text}
        suffix="requests per day"
        placeholder="e.g. 1,000,000"
        testId="traffic"
        onChange={(v) => {
          setText(v);
          setError(null);
        }}
        onCommit={() => void commit()}
        error={error}
        hint="Bad-event budgets use it: allowed bad requests = (1 − target) × requests in the window. Empty clears it."
      />
    </div>
  );
}
