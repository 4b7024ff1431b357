// The what-if benchmark's reference scenario (docs/performance.md, T3).

/** The reference scenario of docs/performance.md (T3). */
export const REFERENCE_SCENARIO = {
  name: 'reference',
  baseline: { errorRate: 0.0002 },
  traffic: { shape: 'web' },
  deploys: { perWeek: 10, failureProbability: 0.05, errorRate: 0.5, detectMinutes: { median: 5, p90: 20 }, rollbackMinutes: 5, canaryShare: 0.2 },
  incidents: { perWeek: 2, durationMinutes: { median: 20, p90: 90 }, errorRate: 0.3, excludedShare: 0.1 },
  policy: { enabled: true },
};
