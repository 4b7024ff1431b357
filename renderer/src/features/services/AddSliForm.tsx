import { useState } from 'react';
import type { SliKind } from '#shared/domain/types';
import { checkName, checkThresholdMs } from '#shared/domain/validation';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';

/** Adds an SLI to a service: availability, or latency with a threshold in ms. */
export function AddSliForm({ serviceId }: { serviceId: number }) {
  const edit = useApp((s) => s.edit);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SliKind>('availability');
  const [threshold, setThreshold] = useState('200');
  const [errors, setErrors] = useState<{ name?: string; threshold?: string }>({});

  const submit = async () => {
    const n = checkName(name, 'SLI name');
    const t = kind === 'latency' ? checkThresholdMs(threshold) : null;
    const next = { name: n.ok ? undefined : n.message, threshold: t && !t.ok ? t.message : undefined };
    setErrors(next);
    if (!n.ok || (t && !t.ok)) return;
    const result = await edit('sli/create', { serviceId, name: n.value, kind, latencyThresholdMs: t && t.ok ? t.value : null });
    if (!result.ok) {
      const field = result.error.details?.field;
      return setErrors(field === 'latencyThresholdMs' ? { threshold: result.error.message } : { name: result.error.message });
    }
    setName((current) => (current === name ? '' : current));
  };

  return (
    <form
      className="add-sli card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label="Add an SLI"
    >
      <h3>Add an SLI</h3>
      <div className="row">
        <Field
          label="SLI name"
          value={name}
          placeholder={kind === 'latency' ? 'e.g. checkout latency' : 'e.g. availability'}
          onChange={(v) => {
            setName(v);
            setErrors({ ...errors, name: undefined });
          }}
          error={errors.name}
          testId="new-sli-name"
        />
        <div className="field">
          <label htmlFor="new-sli-kind">Kind</label>
          <select id="new-sli-kind" value={kind} onChange={(e) => setKind(e.target.value as SliKind)} data-testid="new-sli-kind">
            <option value="availability">Availability (good / total requests)</option>
            <option value="latency">Latency (share of requests under a threshold)</option>
          </select>
        </div>
        {kind === 'latency' ? (
          <Field
            label="Threshold"
            value={threshold}
            suffix="ms"
            size="narrow"
            onChange={(v) => {
              setThreshold(v);
              setErrors({ ...errors, threshold: undefined });
            }}
            error={errors.threshold}
            testId="new-sli-threshold"
          />
        ) : null}
        <button type="submit" className="primary align-end">
          Add SLI
        </button>
      </div>
    </form>
  );
}
