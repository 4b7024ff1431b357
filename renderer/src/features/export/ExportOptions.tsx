import type { Service } from '#shared/domain/types';
import type { ExportFormatInfo } from '#shared/ipc/contract';
import type { ExportDraft, VersionChoice } from './export-model';

type Props = { formats: readonly ExportFormatInfo[]; services: readonly Service[]; draft: ExportDraft; disabled: boolean; onChange(draft: ExportDraft): void };

const VERSIONS: { id: VersionChoice; label: string; hint: string }[] = [
  {
    id: 'default',
    label: 'Approved version, else the current draft',
    hint: 'A service without an approved version exports its draft, marked as a draft in the files.',
  },
  {
    id: 'approved',
    label: 'Approved versions only',
    hint: 'Every service must have an approved version; those without one are named and nothing is exported.',
  },
];

/** The export's choices: the format (with what each can lose), the services and which version of each. */
export function ExportOptions({ formats, services, draft, disabled, onChange }: Props) {
  const picked = draft.services === 'all' ? services.map((s) => s.id) : draft.services;
  const toggle = (id: number) => onChange({ ...draft, services: picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id] });
  return (
    <div className="export-options">
      <fieldset disabled={disabled}>
        <legend>Format</legend>
        {formats.map((f) => (
          <div key={f.id} className="export-format">
            <label>
              <input
                type="radio"
                name="export-format"
                value={f.id}
                checked={draft.format === f.id}
                onChange={() => onChange({ ...draft, format: f.id })}
                data-testid={`export-format-${f.id}`}
              />{' '}
              <strong>{f.title}</strong> <span className="muted small">{f.extensions.join(' ')}</span>
            </label>
            <details className="export-format-losses">
              <summary>{f.losses.length === 0 ? 'Carries everything' : `Can lose ${f.losses.length} ${f.losses.length === 1 ? 'thing' : 'things'}`}</summary>
              <ul>
                {f.losses.map((l) => (
                  <li key={l.id}>{l.description}</li>
                ))}
              </ul>
            </details>
          </div>
        ))}
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Services</legend>
        <label>
          <input
            type="radio"
            name="export-services"
            checked={draft.services === 'all'}
            onChange={() => onChange({ ...draft, services: 'all' })}
            data-testid="export-services-all"
          />{' '}
          All services ({services.length})
        </label>
        <label>
          <input
            type="radio"
            name="export-services"
            checked={draft.services !== 'all'}
            onChange={() => onChange({ ...draft, services: services.map((s) => s.id) })}
            data-testid="export-services-pick"
          />{' '}
          Pick services
        </label>
        {draft.services !== 'all' ? (
          <ul className="export-service-list">
            {services.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} data-testid={`export-service-${s.name}`} /> {s.name}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Versions</legend>
        {VERSIONS.map((v) => (
          <label key={v.id} className="export-version">
            <input
              type="radio"
              name="export-versions"
              checked={draft.versions === v.id}
              onChange={() => onChange({ ...draft, versions: v.id })}
              data-testid={`export-versions-${v.id}`}
            />{' '}
            {v.label}
            <span className="muted small export-hint">{v.hint}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
