import { useEffect, useRef, type ReactNode } from 'react';

type Props = { title: string; onClose(): void; children: ReactNode; testId?: string };

/** A modal dialog: focus moves inside, Escape closes, the page behind is inert. */
export function Modal({ title, onClose, children, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, button, select');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={ref} data-testid={testId}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
