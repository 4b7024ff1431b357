import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseSlothSpecs } from '#shared/specs/sloth';
import { corpusPath, describeCorpus } from '../corpus';

const VALIDATE = () => corpusPath('conformance', 'sloth/validate/validate');
const read = (file: string) => parseSlothSpecs(readFileSync(join(VALIDATE(), file), 'utf8'));

// Sloth's `sloth validate` fixtures: good ones pass, bad ones fail. The OpenSLO ones belong to the OpenSLO reader.
const GOOD = ['good/good-multi.yaml', 'good/good-k8s.yaml', 'good/good-multi-k8s.yaml'];
// sloth validate accepts these, but they write pageAlert and ticketAlert in a prometheus/v1 spec, which Sloth ignores,
// dropping the labels given there: the reader refuses the fields and names the ones to write instead.
const GOOD_REFUSED = ['good/good-aa.yaml', 'good/good-ab.yaml', 'good/good-ba.yaml'];
const BAD: Record<string, string> = {
  'bad/bad-aa.yaml': 'Document 1 slos.1.objective: must be above 0 and below 100',
  'bad/bad-ab.yaml': 'Document 1 slos.1.objective: must be above 0 and below 100',
  'bad/bad-ba.yaml': 'Document 1 slos.1.objective: must be above 0 and below 100',
  'bad/bad-k8s.yaml': 'Document 1 spec.service: must start and end with a letter or digit',
  'bad/bad-multi.yaml': 'Document 2 slos.1.sli: needs exactly one of events (error and total queries) or raw (an error ratio query)',
  'bad/bad-multi-k8s.yaml': 'Document 1 spec.slos.0.alerting.name: needs a name',
};

describeCorpus('conformance', "parseSlothSpecs on Sloth's validate fixtures", () => {
  for (const file of GOOD) {
    it(`reads ${file}, which sloth validate accepts`, () => {
      const specs = read(file);
      expect(specs.ok ? 'ok' : JSON.stringify(specs.issues)).toBe('ok');
    });
  }

  for (const file of GOOD_REFUSED) {
    it(`refuses ${file}: its pageAlert and ticketAlert are not prometheus/v1 fields, and Sloth would drop their labels`, () => {
      const specs = read(file);
      expect(specs.ok ? [] : specs.issues.map((i) => i.message)).toEqual([
        'Document 1 slos.0.alerting: has fields a Sloth prometheus/v1 spec does not define (pageAlert, ticketAlert: write page_alert, ticket_alert; Sloth ignores them)',
      ]);
    });
  }

  for (const [file, reason] of Object.entries(BAD)) {
    it(`refuses ${file}, which sloth validate refuses, naming the document and field`, () => {
      const specs = read(file);
      expect(specs.ok).toBe(false);
      if (!specs.ok) expect(specs.issues.map((i) => i.message).join('\n')).toContain(reason);
    });
  }

  it.skip('good/good-openslo.yaml and bad/bad-openslo.yaml: not read here, OpenSLO v1alpha is the OpenSLO reader’s', () => {});
});
