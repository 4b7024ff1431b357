import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';

/** Carries the store to components; tests provide their own. */
export const StoreContext = createContext<AppStore | null>(null);

/** Reads a slice of the app state and re-renders when it changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp needs a StoreContext provider');
  return useStore(store, selector);
}
