import { useEffect } from 'react';
import { useApp } from '../../store/context';

function editingText(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable));
}

/**
 * Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes the last workspace edit. Inside a text field
 * the keys keep their usual meaning (undo typing), as in every editor. Ctrl/Cmd+E opens the Export dialog when no
 * other dialog is open.
 */
export function useShortcuts(): void {
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const hasWorkspace = useApp((s) => s.workspace.workspace !== null);
  const openDialog = useApp((s) => s.openDialog);
  const dialogOpen = useApp((s) => s.dialog !== null);
  useEffect(() => {
    if (!hasWorkspace) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || editingText(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void redo();
      } else if (key === 'e' && !e.shiftKey && !dialogOpen) {
        e.preventDefault();
        openDialog({ kind: 'export' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, hasWorkspace, openDialog, dialogOpen]);
}
