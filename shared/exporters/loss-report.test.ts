import { describe, expect, it } from 'vitest';
import { formatLossReport, lossReportName } from './loss-report';

describe('the loss report beside an export', () => {
  it('lists each loss with the services and SLIs it concerns', () => {
    const text = formatLossReport('Sloth', {
      format: 'sloth',
      losses: [
        { id: 'sla-tier', description: 'Sloth has one objective per SLO; the SLA was left out.', concerns: ['chatbot / latency', 'checkout / availability'] },
        { id: 'policy', description: 'The budget policy has no place in a Sloth spec.', concerns: [] },
      ],
    });
    expect(text).toBe(
      '# What Sloth could not carry\n\n' +
        '- **sla-tier** (chatbot / latency; checkout / availability): Sloth has one objective per SLO; the SLA was left out.\n' +
        '- **policy**: The budget policy has no place in a Sloth spec.\n',
    );
    expect(lossReportName('sloth')).toBe('LOSSES-sloth.md');
  });

  it('says so when nothing was lost', () => {
    expect(formatLossReport('OpenSLO v1', { format: 'openslo', losses: [] })).toContain(
      'Nothing: every field of the exported services has a place in OpenSLO v1.',
    );
  });
});
