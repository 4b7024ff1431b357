import { useMemo } from 'react';
import { assessFeasibility, ceilingFormula, factorName, formatAvailability, groupFormula, ignoredDependencyText } from '#shared/budget/feasibility';
import { formatPpmPercent } from '#shared/domain/percent';
import type { Service } from '#shared/domain/types';
import { useApp } from '../../store/context';

/**
 * Why a service can promise at most so much availability: its ceiling, each factor (hard dependencies in series,
 * redundancy groups written out as 1 − ∏(1 − aᵢ)), the dependencies left out, and the warning when its SLO is above.
 */
export function CeilingExplanation({ service }: { service: Service }) {
  const services = useApp((s) => s.services);
  const byId = useMemo(() => new Map(services.map((s) => [s.id, s])), [services]);
  const f = assessFeasibility(service, byId);
  const { ceiling } = f;
  const name = (id: number) => byId.get(id)?.name ?? `#${id}`;
  const slo = f.sloPpm === null ? null : `${formatPpmPercent(f.sloPpm)} %`;

  if (service.dependencies.length === 0) {
    return (
      <div className="ceiling" data-testid="ceiling">
        <p className="muted">No dependencies yet, so nothing here limits the SLO of “{service.name}”. Add what it needs below.</p>
      </div>
    );
  }
  return (
    <div className="ceiling" data-testid="ceiling">
      {f.warning ? (
        <p className="feasibility-warning" role="status" data-testid="feasibility-warning">
          ⚠ {f.warning}
        </p>
      ) : null}
      <div className="ceiling-head">
        <span className="ceiling-caption">Availability ceiling</span>
        <strong className="ceiling-value" data-testid="ceiling-value">
          {ceiling.ceiling === null ? '—' : formatAvailability(ceiling.ceiling)}
        </strong>
        {slo === null ? (
          <span className="muted">no availability SLO to check</span>
        ) : f.status === 'feasible' ? (
          <span className="ceiling-ok" data-testid="ceiling-status">
            ✓ SLO {slo} fits
          </span>
        ) : f.status === 'infeasible' ? (
          <span className="ceiling-bad" data-testid="ceiling-status">
            ⚠ SLO {slo} is above it
          </span>
        ) : null}
      </div>
      {ceiling.ceiling === null ? (
        <p className="muted">None of its dependencies has an availability SLO yet, so there is no ceiling to compute.</p>
      ) : (
        <>
          {ceiling.factors.length > 1 ? (
            <p className="ceiling-formula" data-testid="ceiling-formula">
              {ceilingFormula(ceiling)}
            </p>
          ) : null}
          <ul className="ceiling-factors" data-testid="ceiling-factors">
            {ceiling.factors.map((factor) =>
              factor.kind === 'hard' ? (
                <li key={`h-${factor.serviceId}`}>
                  <span className="factor-kind">hard</span> {factorName(factor, byId)}: SLO {formatAvailability(factor.availability)}
                </li>
              ) : (
                <li key={`g-${factor.name}`}>
                  <span className="factor-kind">group</span> "{factor.name}" ({factor.members.map((m) => name(m.serviceId)).join(', ')}):{' '}
                  <span className="formula">{groupFormula(factor)}</span>
                </li>
              ),
            )}
          </ul>
        </>
      )}
      {ceiling.unknown.length > 0 ? (
        <ul className="ceiling-ignored" data-testid="ceiling-ignored">
          {ceiling.unknown.map((id) => (
            <li key={id}>{ignoredDependencyText(name(id))}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
