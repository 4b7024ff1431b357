// The references between the objects of one OpenSLO file (the ones the go-sdk's inliner resolves: an SLO's SLI and
// alert policies, a policy's condition and notification targets) and whether the file itself holds each target.
// Unresolved references are not errors of the file: upstream's valid examples refer to objects kept elsewhere.
import type { OpenSloObject } from '../openslo';

/** One reference: the object holding it, the field, the kind and name it points at, and whether this file defines that object. */
export type OpenSloReference = { fromKind: string; fromName: string; path: string; toKind: string; toName: string; resolved: boolean };

type Found = Omit<OpenSloReference, 'resolved' | 'fromKind' | 'fromName'>;

type PolicySpec = { conditions: ({ conditionRef: string } | object)[]; notificationTargets: ({ targetRef: string } | object)[] };

function policyRefs(spec: PolicySpec, at: string): Found[] {
  const found: Found[] = [];
  spec.conditions.forEach((c, i) => {
    if ('conditionRef' in c) found.push({ path: `${at}.conditions[${i}].conditionRef`, toKind: 'AlertCondition', toName: c.conditionRef });
  });
  spec.notificationTargets.forEach((t, i) => {
    if ('targetRef' in t) found.push({ path: `${at}.notificationTargets[${i}].targetRef`, toKind: 'AlertNotificationTarget', toName: t.targetRef });
  });
  return found;
}

function refsOf(object: OpenSloObject): Found[] {
  if (object.apiVersion !== 'openslo/v1') return [];
  if (object.kind === 'AlertPolicy') return policyRefs(object.spec, 'spec');
  if (object.kind !== 'SLO') return [];
  const found: Found[] = [];
  if (object.spec.indicatorRef !== undefined) found.push({ path: 'spec.indicatorRef', toKind: 'SLI', toName: object.spec.indicatorRef });
  (object.spec.alertPolicies ?? []).forEach((p, i) => {
    const at = `spec.alertPolicies[${i}]`;
    if (typeof p === 'string') found.push({ path: at, toKind: 'AlertPolicy', toName: p });
    else if ('alertPolicyRef' in p) found.push({ path: `${at}.alertPolicyRef`, toKind: 'AlertPolicy', toName: p.alertPolicyRef });
    else found.push(...policyRefs(p.spec, `${at}.spec`));
  });
  return found;
}

/** Every reference of the objects of one file, in file order, each marked resolved when the file defines its target. */
export function openSloReferences(objects: readonly OpenSloObject[]): OpenSloReference[] {
  const defined = new Set(objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`));
  return objects.flatMap((o) =>
    refsOf(o).map((r) => ({ fromKind: o.kind, fromName: o.metadata.name, ...r, resolved: defined.has(`${o.apiVersion} ${r.toKind} ${r.toName}`) })),
  );
}
