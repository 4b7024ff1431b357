import { useApp } from '../../store/context';
import type { View } from '../../store/ui-slice';

const TABS: { view: View; label: string; hint: string }[] = [
  { view: 'services', label: 'Services & tiers', hint: 'Services, SLIs and their SLA, SLO and performance target' },
  { view: 'history', label: 'History', hint: 'Imported history: how each tier would have fared, exclusions and the alert backtest' },
  { view: 'whatif', label: 'What-if', hint: 'Simulate deploys, incidents and traffic against the error budget, and inject events into real history' },
  { view: 'review', label: 'Review', hint: 'Proposed versions, their differences, comments, sign-off by role and review dates' },
  { view: 'dependencies', label: 'Dependencies', hint: 'What each service relies on, and the availability that allows' },
  { view: 'calculator', label: 'Budget calculator', hint: 'Allowed downtime and bad events for any target and window' },
];

/** The screens of an open workspace, as tabs (arrow keys move between them). */
export function ViewTabs() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  return (
    <nav className="view-tabs" role="tablist" aria-label="Screens">
      {TABS.map((t, i) => (
        <button
          key={t.view}
          role="tab"
          aria-selected={view === t.view}
          tabIndex={view === t.view ? 0 : -1}
          title={t.hint}
          className={view === t.view ? 'tab active' : 'tab'}
          data-testid={`tab-${t.view}`}
          onClick={() => setView(t.view)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
            setView(next.view);
            (e.currentTarget.parentElement?.children[TABS.indexOf(next)] as HTMLElement | undefined)?.focus();
          }}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}
