// A large spec for the limit tests and the benchmark: Sloth prometheus/v1, one document per service, each SLO with
// events queries and page and ticket alerts, the way teams write them. Deterministic: the same arguments give the same text.

/** The text of a Sloth file of `services` × `slosPerService` SLOs (services svc-0000…, SLOs requests-0…). */
export function bigSlothSpec(services: number, slosPerService: number): string {
  const docs: string[] = [];
  for (let s = 0; s < services; s++) {
    const service = `svc-${String(s).padStart(4, '0')}`;
    const slos: string[] = [];
    for (let i = 0; i < slosPerService; i++) {
      const selector = `service="${service}",endpoint="e${i}"`;
      slos.push(
        [
          `  - name: requests-${i}`,
          `    objective: 99.${i % 10}`,
          `    description: "Requests of endpoint e${i} that succeed"`,
          '    sli:',
          '      events:',
          `        error_query: sum(rate(http_requests_total{${selector},code=~"5.."}[{{.window}}]))`,
          `        total_query: sum(rate(http_requests_total{${selector}}[{{.window}}]))`,
          '    alerting:',
          `      name: Svc${s}E${i}HighErrorRate`,
          '      page_alert:',
          '        labels:',
          '          severity: page',
          '      ticket_alert:',
          '        labels:',
          '          severity: ticket',
        ].join('\n'),
      );
    }
    docs.push(`version: prometheus/v1\nservice: ${service}\nlabels:\n  team: team-${s % 7}\nslos:\n${slos.join('\n')}\n`);
  }
  return docs.join('---\n');
}
