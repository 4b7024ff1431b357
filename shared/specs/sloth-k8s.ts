// Sloth's Kubernetes form of a spec (sloth.slok.dev/v1 PrometheusServiceLevel, pkg/kubernetes/api/sloth/v1): the same
// fields as prometheus/v1 under `spec`, in camelCase. It is read by renaming those fields to the prometheus/v1 names
// and checking the result with the same schema, and each issue's path is renamed back so it names the field as written.

/** The apiVersion and kind of Sloth's Kubernetes spec. */
export const SLOTH_K8S_API = 'sloth.slok.dev/v1';
export const SLOTH_K8S_KIND = 'PrometheusServiceLevel';

/** The object metadata Sloth carries onto the PrometheusRule it writes for a PrometheusServiceLevel. */
export type KubernetesMeta = { name: string; namespace: string; labels: Record<string, string>; annotations: Record<string, string> };

// camelCase field → prometheus/v1 field, where each sits: the spec, an SLO's events or raw SLI, an SLO's alerting.
const AT_SPEC: Record<string, string> = { sloPlugins: 'slo_plugins' };
const AT_EVENTS: Record<string, string> = { errorQuery: 'error_query', totalQuery: 'total_query' };
const AT_RAW: Record<string, string> = { errorRatioQuery: 'error_ratio_query' };
const AT_ALERTING: Record<string, string> = { pageAlert: 'page_alert', ticketAlert: 'ticket_alert' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function rename(value: unknown, names: Record<string, string>): unknown {
  if (!isObj(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [names[k] ?? (Object.values(names).includes(k) ? `${k} (write it ${camel(names, k)})` : k), v]),
  );
}

function camel(names: Record<string, string>, snake: string): string {
  return Object.keys(names).find((k) => names[k] === snake) ?? snake;
}

function renameSlo(slo: unknown): unknown {
  if (!isObj(slo)) return slo;
  const sli = isObj(slo.sli) ? { ...slo.sli, events: rename(slo.sli.events, AT_EVENTS), raw: rename(slo.sli.raw, AT_RAW) } : slo.sli;
  if (isObj(sli)) for (const key of ['events', 'raw']) if (sli[key] === undefined) delete sli[key];
  return { ...slo, sli, alerting: rename(slo.alerting, AT_ALERTING) };
}

/** The spec of a PrometheusServiceLevel as a prometheus/v1 spec, with the version it would carry. */
export function kubernetesToPrometheusV1(spec: unknown): unknown {
  if (!isObj(spec)) return spec;
  const renamed = rename(spec, AT_SPEC) as Obj;
  return { version: 'prometheus/v1', ...renamed, slos: Array.isArray(renamed.slos) ? renamed.slos.map(renameSlo) : renamed.slos };
}

/** A prometheus/v1 path of an issue as the Kubernetes document writes it: under spec, camelCase names. */
export function kubernetesPath(path: readonly PropertyKey[]): PropertyKey[] {
  const all = { ...AT_SPEC, ...AT_EVENTS, ...AT_RAW, ...AT_ALERTING };
  return ['spec', ...path.map((p) => (typeof p === 'string' ? camel(all, p) : p))];
}

/** The metadata of the document, or why it cannot be read: a PrometheusServiceLevel needs a name. */
export function kubernetesMeta(data: Obj): KubernetesMeta | string {
  const meta = isObj(data.metadata) ? data.metadata : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const strings = (v: unknown) => (isObj(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {});
  if (text(meta.name) === '') return 'metadata.name: a PrometheusServiceLevel needs a name';
  return { name: text(meta.name), namespace: text(meta.namespace), labels: strings(meta.labels), annotations: strings(meta.annotations) };
}
