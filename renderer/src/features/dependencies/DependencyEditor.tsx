import { useId, useState } from 'react';
import { availabilitySloPpm } from '#shared/budget/dependencies';
import { formatPpmPercent } from '#shared/domain/percent';
import type { Service } from '#shared/domain/types';
import { useApp } from '../../store/context';
import { NamedOptions } from '../../components/Options';

type How = 'hard' | 'group';

/**
 * What a service depends on, and a form to add, regroup or remove a dependency. The core refuses cycles; its message
 * (naming the cycle) is shown beside the form and nothing changes. Every change is one undoable edit.
 */
export function DependencyEditor({ service }: { service: Service }) {
  const services = useApp((s) => s.services);
  const edit = useApp((s) => s.edit);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const [targetId, setTargetId] = useState('');
  const [how, setHow] = useState<How>('hard');
  const [group, setGroup] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const byId = new Map(services.map((s) => [s.id, s]));
  const others = services.filter((s) => s.id !== service.id).sort((a, b) => a.name.localeCompare(b.name));
  const groups = [...new Set(service.dependencies.flatMap((d) => (d.redundancyGroup === null ? [] : [d.redundancyGroup])))];
  const existing = service.dependencies.some((d) => String(d.dependsOnId) === targetId);

  const add = async () => {
    if (targetId === '') return setError('Choose the service it depends on');
    if (how === 'group' && group.trim() === '') return setError('A redundancy group needs a name');
    const result = await edit('dependency/add', {
      serviceId: service.id,
      dependsOnId: Number(targetId),
      redundancyGroup: how === 'group' ? group.trim() : null,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setTargetId('');
  };
  const remove = async (dependsOnId: number) => {
    const result = await edit('dependency/remove', { serviceId: service.id, dependsOnId });
    setError(result.ok ? null : result.error.message);
  };

  return (
    <div className="dep-editor" data-testid="dependency-editor">
      {service.dependencies.length === 0 ? (
        <p className="muted">“{service.name}” depends on nothing yet.</p>
      ) : (
        <ul className="dep-list" aria-label={`What ${service.name} depends on`}>
          {service.dependencies.map((d) => {
            const target = byId.get(d.dependsOnId);
            const ppm = target ? availabilitySloPpm(target) : null;
            const targetName = target?.name ?? `#${d.dependsOnId}`;
            return (
              <li key={d.dependsOnId} data-testid={`dep-${targetName}`}>
                <span className="dep-target">→ {targetName}</span>
                <span className={d.redundancyGroup === null ? 'badge' : 'badge badge-group'}>
                  {d.redundancyGroup === null ? 'hard' : `group “${d.redundancyGroup}”`}
                </span>
                <span className="muted small">{ppm === null ? 'no availability SLO' : `SLO ${formatPpmPercent(ppm)} %`}</span>
                {readOnly ? null : (
                  <button className="link danger" aria-label={`Remove the dependency on ${targetName}`} onClick={() => void remove(d.dependsOnId)}>
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {readOnly || others.length === 0 ? null : (
        <form
          className="dep-form"
          aria-label={`Add a dependency of ${service.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="field">
            <span>Depends on</span>
            <select
              value={targetId}
              data-testid="dependency-target"
              onChange={(e) => {
                setTargetId(e.target.value);
                setError(null);
              }}
            >
              <option value="">Choose a service…</option>
              <NamedOptions items={others} />
            </select>
          </label>
          <label className="field">
            <span>How</span>
            <select
              value={how}
              data-testid="dependency-kind"
              onChange={(e) => {
                setHow(e.target.value as How);
                setError(null);
              }}
            >
              <option value="hard">hard (in series)</option>
              <option value="group">in a redundancy group</option>
            </select>
          </label>
          {how === 'group' ? (
            <label className="field field-narrow-group">
              <span>Group</span>
              <input
                value={group}
                list={listId}
                placeholder="e.g. databases"
                data-testid="dependency-group"
                onChange={(e) => {
                  setGroup(e.target.value);
                  setError(null);
                }}
              />
              <datalist id={listId}>
                {groups.map((g) => (
                  <option key={g} value={g} />
                ))}
              </datalist>
            </label>
          ) : null}
          <button type="submit" className="primary" data-testid="add-dependency">
            {existing ? 'Update dependency' : 'Add dependency'}
          </button>
          {error ? (
            <div className="dep-error" role="alert" data-testid="dependency-error">
              {error}
            </div>
          ) : null}
        </form>
      )}
    </div>
  );
}
