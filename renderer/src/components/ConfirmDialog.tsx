import { Modal } from './Modal';

type Props = { title: string; message: string; confirm: string; onConfirm(): void; onCancel(): void };

/** Asks before a destructive edit; the edit can still be undone afterwards. */
export function ConfirmDialog({ title, message, confirm, onConfirm, onCancel }: Props) {
  return (
    <Modal title={title} onClose={onCancel} testId="confirm-dialog">
      <p>{message}</p>
      <div className="modal-actions">
        <button onClick={onCancel}>Cancel</button>
        <button className="danger-solid" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
