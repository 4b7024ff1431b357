import { useEffect, useState } from 'react';
import { NamedOptions } from '../../components/Options';
import { useApp } from '../../store/context';
import { CompareView } from './CompareView';
import { ReplayView } from './ReplayView';
import { ScenarioList } from './ScenarioList';
import { ScenarioWorkbench } from './ScenarioWorkbench';
import { SensitivityView } from './SensitivityView';

const PANES = [
  { id: 'scenario', label: 'Scenario and run' },
  { id: 'compare', label: 'Compare' },
  { id: 'sensitivity', label: 'Sensitivity' },
  { id: 'replay', label: 'Replay on history' },
] as const;

type Pane = (typeof PANES)[number]['id'];

/**
 * The What-if screen for one SLI: its scenarios with an editor and runs, a comparison of their last runs, the
 * sensitivity of one scenario, and a replay of real history with injected events.
 */
export function WhatIfView() {
  const services = useApp((s) => s.services);
  const selectedServiceId = useApp((s) => s.selectedServiceId);
  const selectService = useApp((s) => s.select);
  const sliId = useApp((s) => s.whatifSliId);
  const selectSli = useApp((s) => s.selectWhatifSli);
  const scenarios = useApp((s) => s.scenarios);
  const scenarioId = useApp((s) => s.scenarioId);
  const error = useApp((s) => s.whatifError);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const [pane, setPane] = useState<Pane>('scenario');
  const service = services.find((s) => s.id === selectedServiceId) ?? services[0];
  const sli = service?.slis.find((x) => x.id === sliId);
  const stored = scenarios.find((s) => s.id === scenarioId) ?? null;

  // Follow the service chosen elsewhere: show its first SLI unless one of its SLIs is already shown.
  useEffect(() => {
    if (service && !service.slis.some((x) => x.id === sliId)) selectSli(service.slis[0]?.id ?? null);
  }, [service, sliId, selectSli]);

  if (!service) return <main className="panel muted">Add a service on the Services screen first.</main>;
  return (
    <main className="whatif" aria-label="What-if" data-testid="whatif-view">
      <div className="history-bar" role="toolbar" aria-label="What-if">
        <label className="field">
          <span>Service</span>
          <select value={service.id} onChange={(e) => selectService(Number(e.target.value))} data-testid="whatif-service">
            <NamedOptions items={services} />
          </select>
        </label>
        <label className="field">
          <span>SLI</span>
          <select value={sli?.id ?? ''} onChange={(e) => selectSli(Number(e.target.value))} data-testid="whatif-sli" disabled={service.slis.length === 0}>
            <NamedOptions items={service.slis} />
          </select>
        </label>
        {/* The views as tabs, arrow keys moving between them as on the screen tabs. */}
        <div className="wf-panes" role="tablist" aria-label="What-if views">
          {PANES.map((p, i) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`wf-tab-${p.id}`}
              aria-selected={pane === p.id}
              aria-controls="wf-pane"
              tabIndex={pane === p.id ? 0 : -1}
              className={pane === p.id ? 'tab active' : 'tab'}
              onClick={() => setPane(p.id)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const next = (i + (e.key === 'ArrowRight' ? 1 : PANES.length - 1)) % PANES.length;
                setPane(PANES[next]!.id);
                (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
              }}
              data-testid={`whatif-pane-${p.id}`}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="whatif-error">
          {error.message}
        </div>
      ) : null}
      {!sli ? (
        <p className="panel muted">{service.name} has no SLI yet; add one on the Services screen.</p>
      ) : (
        <div id="wf-pane" role="tabpanel" aria-labelledby={`wf-tab-${pane}`} className="wf-pane">
          {pane === 'scenario' ? (
            <div className="wf-layout">
              <ScenarioList readOnly={readOnly} />
              {stored ? <ScenarioWorkbench key={stored.id} stored={stored} readOnly={readOnly} /> : null}
            </div>
          ) : pane === 'compare' ? (
            <CompareView />
          ) : pane === 'sensitivity' ? (
            <SensitivityView />
          ) : (
            <ReplayView sli={sli} />
          )}
        </div>
      )}
    </main>
  );
}
