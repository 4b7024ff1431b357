// What a review document leaves out: it is for people deciding, so it carries the plan in words and numbers but not
// what machines need to measure it.
import type { ExportLoss, ExportLossReport, ExportSnapshot } from '../types';

/** Everything a review document can leave out. */
export const REVIEW_DOC_LOSSES: readonly ExportLoss[] = [
  {
    id: 'queries',
    description:
      'The Prometheus queries each SLI is measured by and its histogram metric are not printed: a review weighs targets, not queries. The OpenSLO, Sloth, Pyrra and Prometheus rules exports carry them.',
  },
  {
    id: 'identifiers',
    description: 'Service and SLI ids and the generated names of rules and documents are left out; services and SLIs are named as people named them.',
  },
  {
    id: 'comments',
    description: 'Comments on a version are not printed; the sign-off table carries each decision with its rationale.',
  },
  {
    id: 'history-detail',
    description:
      'History is summed up (period, SLI achieved, weeks met per tier, the SLO it supports); the samples, charts and budget windows stay in the workspace.',
  },
  {
    id: 'whatif-detail',
    description:
      "Each what-if scenario's last run is summed up per tier; its fan charts, policy timeline and the scenario's own settings stay in the workspace.",
  },
];

const loss = (id: string) => REVIEW_DOC_LOSSES.find((l) => l.id === id)!;

/** The losses of one review document: each with the services and SLIs it concerns; none for what the snapshot lacks. */
export function reviewDocLossReport(format: string, snapshot: ExportSnapshot): ExportLossReport {
  const measured = snapshot.services.flatMap((s) =>
    s.service.slis.filter((sli) => sli.queries !== null || sli.histogram !== null).map((sli) => `${s.service.name} / ${sli.name}`),
  );
  const history = snapshot.services.flatMap((s) =>
    (s.history ?? []).map((h) => `${s.service.name} / ${s.service.slis.find((x) => x.id === h.sliId)?.name ?? h.sliId}`),
  );
  const whatif = snapshot.services.flatMap((s) => (s.whatif ?? []).map((w) => `${s.service.name} / ${w.scenario}`));
  const losses = [
    ...(measured.length > 0 ? [{ ...loss('queries'), concerns: measured }] : []),
    { ...loss('identifiers'), concerns: [] },
    { ...loss('comments'), concerns: [] },
    ...(history.length > 0 ? [{ ...loss('history-detail'), concerns: history }] : []),
    ...(whatif.length > 0 ? [{ ...loss('whatif-detail'), concerns: whatif }] : []),
  ];
  return { format, losses };
}
