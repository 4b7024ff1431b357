import type { Service } from '#shared/domain/types';
import { Field } from '../../components/Field';
import { useRename } from '../../components/useRename';
import { useApp } from '../../store/context';

/** The selected service's name, editable in place, and its delete button. */
export function ServiceHeader({ service, readOnly }: { service: Service; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  const openDialog = useApp((s) => s.openDialog);
  const name = useRename(service.name, 'Service name', (value) => edit('service/rename', { serviceId: service.id, name: value }));

  return (
    <div className="service-header">
      {readOnly ? (
        <h1>{service.name}</h1>
      ) : (
        <Field
          label="Service name"
          value={name.value}
          onChange={name.change}
          onCommit={() => void name.commit()}
          error={name.error}
          testId="service-name"
          size="wide"
        />
      )}
      {readOnly ? null : (
        <button className="danger" onClick={() => openDialog({ kind: 'confirm-delete-service', serviceId: service.id, name: service.name })}>
          Delete service
        </button>
      )}
    </div>
  );
}
