import { useEffect, useState } from 'react';
import type { Service } from '../../../../shared/domain/types';
import { checkName } from '../../../../shared/domain/validation';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';

/** The selected service's name, editable in place, and its delete button. */
export function ServiceHeader({ service, readOnly }: { service: Service; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  const openDialog = useApp((s) => s.openDialog);
  const [name, setName] = useState(service.name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setName(service.name);
    setError(null);
  }, [service.id, service.name]);

  const commit = async () => {
    if (name === service.name) return setError(null);
    const check = checkName(name, 'Service name');
    if (!check.ok) return setError(check.message);
    const result = await edit('service/rename', { serviceId: service.id, name: check.value });
    setError(result.ok ? null : result.error.message);
  };

  return (
    <div className="service-header">
      {readOnly ? <h1>{service.name}</h1> : (
        <Field label="Service name" value={name} onChange={(v) => { setName(v); setError(null); }} onCommit={() => void commit()}
          error={error} testId="service-name" size="wide" />
      )}
      {readOnly ? null : (
        <button className="danger" onClick={() => openDialog({ kind: 'confirm-delete-service', serviceId: service.id, name: service.name })}>
          Delete service
        </button>
      )}
    </div>
  );
}
