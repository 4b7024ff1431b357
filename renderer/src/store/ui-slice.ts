import type { StateCreator } from 'zustand';
import type { AppError } from '#shared/ipc/errors';
import type { AppState } from './store';

/** A modal the UI shows: the browser-mode file picker, a confirmation, the import wizard or the Export dialog (its services preselected when given). */
export type Dialog =
  | { kind: 'file'; mode: 'create' | 'open' | 'save-as' }
  | { kind: 'confirm-delete-service'; serviceId: number; name: string }
  | { kind: 'confirm-delete-sli'; sliId: number; name: string }
  | { kind: 'import'; sliId: number }
  | { kind: 'export'; serviceIds?: number[] };

/** The screens of an open workspace. */
export type View = 'services' | 'history' | 'whatif' | 'review' | 'dependencies' | 'calculator';

/** Transient UI state: the screen, the open dialog and the last error banner. */
export type UiSlice = {
  view: View;
  dialog: Dialog | null;
  banner: AppError | null;
  setView(view: View): void;
  openDialog(dialog: Dialog | null): void;
  showError(error: AppError | null): void;
};

/** Creates the UI slice. */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'services',
  dialog: null,
  banner: null,
  setView: (view) => set({ view }),
  openDialog: (dialog) => set({ dialog }),
  showError: (banner) => set({ banner }),
});
