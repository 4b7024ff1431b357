import type { ParseRequest } from '#shared/importers/dispatch';
import { importerFor } from '#shared/importers/registry';
import type { ImportFormat } from '#shared/importers/types';
import { AppFailure } from '#shared/ipc/errors';

/** The format-specific options of a parse request that the format found cannot use: field, what it is, where it applies. */
function inapplicable(request: ParseRequest, format: ImportFormat): { field: string; what: string; appliesTo: string } | null {
  // A latency unit given both for access logs and for JSON samples means "whichever the file is".
  const unitForLog = request.accessLog?.durationField !== undefined;
  const unitForSamples = request.jsonSamples?.valueUnit !== undefined;
  const unitApplies = (format === 'access-log' && unitForLog) || (format === 'json-samples' && unitForSamples);
  if (request.csv !== undefined && format !== 'csv') return { field: 'csv', what: 'a column mapping', appliesTo: 'CSV files' };
  if (request.accessLog?.bucketMs !== undefined && format !== 'access-log')
    return { field: 'accessLog.bucketMs', what: 'an access-log bucket', appliesTo: 'access logs' };
  if ((unitForLog || unitForSamples) && !unitApplies) {
    return {
      field: unitForLog ? 'accessLog.durationField' : 'jsonSamples.valueUnit',
      what: 'a latency unit',
      appliesTo: "CSV value columns, access-log durations and JSON samples' values",
    };
  }
  if (request.prometheusRatio === true && format !== 'prometheus-json')
    return { field: 'prometheusRatio', what: 'an error ratio', appliesTo: 'Prometheus query_range JSON' };
  return null;
}

/**
 * Refuses, before anything is stored, an option the format found (by --format auto, say) cannot use: it would be
 * silently ignored and the numbers would differ from what was asked for.
 */
export function checkOptionsApply(request: ParseRequest, format: ImportFormat, fileName: string): void {
  const problem = inapplicable(request, format);
  if (problem === null) return;
  throw new AppFailure(
    'INVALID_ARGUMENT',
    `${fileName} was read as ${importerFor(format).names.phrase}: ${problem.what} does not apply to it (only to ${problem.appliesTo}). Nothing was stored`,
    { field: problem.field, code: 'OPTION_NOT_APPLICABLE', format },
  );
}
