import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './ipc/client';
import { StoreContext } from './store/context';
import { createAppStore } from './store/store';
import './styles.css';

const store = createAppStore(createClient());
void store.getState().boot();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
