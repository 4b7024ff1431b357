import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOpenSlo, type OpenSloObject } from '../openslo';
import { openSloReferences } from './references';

const read = (text: string, name: string): OpenSloObject[] => {
  const result = parseOpenSlo(text, name);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.objects;
};

describe('openSloReferences', () => {
  it("resolves every reference of the chatbot file to an object of the same file: the SLO's SLI and policy, the policy's condition and target", () => {
    const text = readFileSync(fileURLToPath(new URL('../../../fixtures/specs/openslo/chatbot-v1.yaml', import.meta.url)), 'utf8');
    expect(openSloReferences(read(text, 'chatbot-v1.yaml'))).toEqual([
      { fromKind: 'SLO', fromName: 'chatbot-latency', path: 'spec.indicatorRef', toKind: 'SLI', toName: 'chatbot-fast-answers', resolved: true },
      {
        fromKind: 'SLO',
        fromName: 'chatbot-latency',
        path: 'spec.alertPolicies[0].alertPolicyRef',
        toKind: 'AlertPolicy',
        toName: 'chatbot-page',
        resolved: true,
      },
      {
        fromKind: 'AlertPolicy',
        fromName: 'chatbot-page',
        path: 'spec.conditions[0].conditionRef',
        toKind: 'AlertCondition',
        toName: 'chatbot-fast-burn',
        resolved: true,
      },
      {
        fromKind: 'AlertPolicy',
        fromName: 'chatbot-page',
        path: 'spec.notificationTargets[0].targetRef',
        toKind: 'AlertNotificationTarget',
        toName: 'chatbot-on-call',
        resolved: true,
      },
    ]);
  });

  it('marks a reference to an object the file does not hold, or holds under another kind, as unresolved', () => {
    const text = `- apiVersion: openslo/v1
  kind: SLO
  metadata: { name: web }
  spec:
    service: web
    indicatorRef: web-ok
    budgetingMethod: Occurrences
    objectives: [{ target: 0.99 }]
    alertPolicies: [web-page]
- apiVersion: openslo/v1
  kind: Service
  metadata: { name: web-ok }
`;
    expect(openSloReferences(read(text, 'web.yaml')).map((r) => [r.path, r.resolved])).toEqual([
      ['spec.indicatorRef', false],
      ['spec.alertPolicies[0]', false],
    ]);
  });
});
