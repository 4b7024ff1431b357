import { ConfirmDialog } from './components/ConfirmDialog';
import { CalculatorView } from './features/calculator/CalculatorView';
import { DependenciesView } from './features/dependencies/DependenciesView';
import { HistoryView } from './features/history/HistoryView';
import { ImportWizard } from './features/import/ImportWizard';
import { ViewTabs } from './features/workspace/ViewTabs';
import { WhatIfView } from './features/whatif/WhatIfView';
import { ReviewView } from './features/review/ReviewView';
import { ServiceList } from './features/services/ServiceList';
import { ServicePanel } from './features/services/ServicePanel';
import { FileDialog } from './features/workspace/FileDialog';
import { Toolbar } from './features/workspace/Toolbar';
import { useShortcuts } from './features/workspace/useShortcuts';
import { Welcome } from './features/workspace/Welcome';
import { useApp } from './store/context';

/** The window: toolbar, then either the welcome screen or the services and their tiers. */
export function App() {
  const ready = useApp((s) => s.ready);
  const ws = useApp((s) => s.workspace.workspace);
  const banner = useApp((s) => s.banner);
  const showError = useApp((s) => s.showError);
  const dialog = useApp((s) => s.dialog);
  const openDialog = useApp((s) => s.openDialog);
  const edit = useApp((s) => s.edit);
  const view = useApp((s) => s.view);
  const services = useApp((s) => s.services);
  useShortcuts();
  const importing =
    dialog?.kind === 'import' ? services.flatMap((s) => s.slis.map((sli) => ({ service: s, sli }))).find((x) => x.sli.id === dialog.sliId) : undefined;

  return (
    <div className="app">
      <Toolbar />
      {ws?.readOnly && ws.readOnlyReason ? (
        <div className="notice notice-warn" role="status">
          {ws.readOnlyReason}
        </div>
      ) : null}
      {banner ? (
        <div className="notice notice-error" role="alert" data-testid="error-banner">
          <span>{banner.message}</span>
          <button className="link" onClick={() => showError(null)} aria-label="Dismiss">
            Dismiss
          </button>
        </div>
      ) : null}
      {ws ? <ViewTabs /> : null}
      {!ready ? (
        <main className="panel muted">Loading…</main>
      ) : !ws ? (
        <Welcome />
      ) : view === 'history' ? (
        <HistoryView />
      ) : view === 'whatif' ? (
        <WhatIfView />
      ) : view === 'review' ? (
        <ReviewView />
      ) : view === 'dependencies' ? (
        <DependenciesView />
      ) : view === 'calculator' ? (
        <CalculatorView />
      ) : (
        <div className="workspace">
          <ServiceList />
          <ServicePanel />
        </div>
      )}
      {dialog?.kind === 'file' ? <FileDialog mode={dialog.mode} /> : null}
      {importing ? (
        <ImportWizard
          sliId={importing.sli.id}
          sliName={importing.sli.name}
          sliKind={importing.sli.kind}
          serviceName={importing.service.name}
          onClose={() => openDialog(null)}
        />
      ) : null}
      {/* One ConfirmDialog per confirmation: the component holds the markup, these lines are its texts and actions only. */}
      {dialog?.kind === 'confirm-delete-service' ? (
        <ConfirmDialog
          title="Delete service"
          confirm="Delete service"
          onCancel={() => openDialog(null)}
          message={`Delete “${dialog.name}” with all its SLIs and tiers? You can undo this.`}
          onConfirm={() => {
            openDialog(null);
            void edit('service/delete', { serviceId: dialog.serviceId });
          }}
        />
      ) : null}
      {dialog?.kind === 'confirm-delete-sli' ? (
        <ConfirmDialog
          title="Delete SLI"
          confirm="Delete SLI"
          onCancel={() => openDialog(null)}
          message={`Delete the SLI “${dialog.name}” and its tiers? You can undo this.`}
          onConfirm={() => {
            openDialog(null);
            void edit('sli/delete', { sliId: dialog.sliId });
          }}
        />
      ) : null}
    </div>
  );
}
