import { useState } from 'react';
import { checkWording } from '#shared/domain/queries';
import { KIND_LABELS, SLI_KINDS, type SliKind } from '#shared/domain/types';
import { checkName, checkThresholdMs } from '#shared/domain/validation';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { checkMaxAgeMinutes } from '../tiers/measurement-draft';

type Errors = { name?: string; threshold?: string; maxAge?: string; wording?: string };

const PLACEHOLDERS: Readonly<Record<SliKind, string>> = {
  availability: 'e.g. availability',
  latency: 'e.g. checkout latency',
  correctness: 'e.g. correct totals',
  freshness: 'e.g. search index freshness',
  custom: 'e.g. answers rated helpful',
};

/** Adds an SLI to a service: of any kind, with a latency threshold, a freshness SLI's maximum age or a custom wording. */
export function AddSliForm({ serviceId }: { serviceId: number }) {
  const edit = useApp((s) => s.edit);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SliKind>('availability');
  const [threshold, setThreshold] = useState('200');
  const [maxAgeMinutes, setMaxAgeMinutes] = useState('10');
  const [good, setGood] = useState('');
  const [total, setTotal] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = async () => {
    const n = checkName(name, 'SLI name');
    const t = kind === 'latency' ? checkThresholdMs(threshold) : null;
    const age = kind === 'freshness' ? checkMaxAgeMinutes(maxAgeMinutes) : null;
    const w = kind === 'custom' ? checkWording({ good, total }) : null;
    const next: Errors = {
      name: n.ok ? undefined : n.message,
      threshold: t && !t.ok ? t.message : undefined,
      maxAge: age && !age.ok ? age.message : undefined,
      wording: w && !w.ok ? w.message : undefined,
    };
    setErrors(next);
    if (!n.ok || (t && !t.ok) || (age && !age.ok) || (w && !w.ok)) return;
    const result = await edit('sli/create', {
      serviceId,
      name: n.value,
      kind,
      latencyThresholdMs: t && t.ok ? t.value : null,
      freshnessMaxAgeMs: age && age.ok ? age.value : null,
      wording: w && w.ok ? w.value : null,
    });
    if (!result.ok) {
      const field = result.error.details?.field;
      const key: keyof Errors =
        field === 'latencyThresholdMs' ? 'threshold' : field === 'freshnessMaxAgeMs' ? 'maxAge' : field === 'wording' ? 'wording' : 'name';
      return setErrors({ [key]: result.error.message });
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
          placeholder={PLACEHOLDERS[kind]}
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
            {SLI_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
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
        {kind === 'freshness' ? (
          <Field
            label="Fresh when newer than"
            value={maxAgeMinutes}
            suffix="min"
            size="narrow"
            onChange={(v) => {
              setMaxAgeMinutes(v);
              setErrors({ ...errors, maxAge: undefined });
            }}
            error={errors.maxAge}
            testId="new-sli-max-age"
          />
        ) : null}
        {kind === 'custom' ? (
          <>
            <Field
              label="Good events are called"
              value={good}
              placeholder="responses rated helpful"
              onChange={(v) => {
                setGood(v);
                setErrors({ ...errors, wording: undefined });
              }}
              error={errors.wording}
              testId="new-sli-good"
            />
            <Field label="All events are called" value={total} placeholder="rated responses" onChange={setTotal} testId="new-sli-total" />
          </>
        ) : null}
        <button type="submit" className="primary align-end">
          Add SLI
        </button>
      </div>
    </form>
  );
}
