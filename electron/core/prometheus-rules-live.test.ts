// The exported Prometheus rules loaded into a real Prometheus (Debian's package) with backfilled history: the last
// 70 minutes of the history are an outage of one request in three failing, and the page alert of the 30-day
// availability SLO fires, as does the ticket alert, both told apart by their `severity` label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusRulesExporter } from '#shared/exporters/prometheus-rules-exporter';
import { DRAFT, snapshotOf } from '#shared/exporters/test/openslo-cases';
import { PAYMENTS } from '#shared/exporters/test/sloth-cases';
import { prometheusMissing, startPrometheus, type TestPrometheus } from './test/prometheus';

const missing = prometheusMissing();
const STEP_S = 15;

/**
 * Request counters of the payments service over the three hours up to now, one sample every 15 s: 100 good requests a
 * step, and from 70 minutes ago 50 failing ones a step (a third of all requests). The history ends now because
 * Prometheus accepts rule results only after its newest block.
 */
function paymentsHistory(nowS: number): string {
  const start = Math.floor(nowS / STEP_S) * STEP_S - 3 * 3600;
  const end = nowS;
  const outageFrom = nowS - 70 * 60;
  const lines = ['# HELP http_requests Requests served.', '# TYPE http_requests counter'];
  for (const code of ['200', '500']) {
    let count = 0;
    for (let t = start; t <= end; t += STEP_S) {
      count += code === '200' ? 100 : t >= outageFrom ? 50 : 0;
      lines.push(`http_requests_total{code="${code}",job="payments"} ${count} ${t}`);
    }
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

type Alert = { labels: Record<string, string>; state: string };

async function alerts(url: string): Promise<Alert[]> {
  const body = (await (await fetch(`${url}/api/v1/alerts`)).json()) as { data: { alerts: Alert[] } };
  return body.data.alerts;
}

describe.skipIf(missing !== null)(`the exported rules in a live Prometheus${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let prometheus: TestPrometheus | null = null;
  beforeAll(async () => {
    const { files } = prometheusRulesExporter.render(snapshotOf([{ service: PAYMENTS, version: DRAFT }]));
    const rules = files.find((f) => f.name === 'payments.rules.yaml')!;
    prometheus = await startPrometheus(paymentsHistory(Math.floor(Date.now() / 1000)), {
      ruleFiles: { [rules.name]: rules.text },
      evaluationInterval: '1s',
    });
  }, 90_000);
  afterAll(async () => prometheus?.stop());

  it('fires the page alert (and the ticket alert) of the 30-day availability SLO on the backfilled outage', async () => {
    const deadline = Date.now() + 60_000;
    let firing: Alert[] = [];
    while (Date.now() < deadline) {
      firing = (await alerts(prometheus!.url)).filter((a) => a.state === 'firing');
      if (firing.some((a) => a.labels.severity === 'page') && firing.some((a) => a.labels.severity === 'ticket')) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    const bySeverity = Object.fromEntries(firing.map((a) => [a.labels.severity, a.labels]));
    expect(bySeverity.page).toMatchObject({ alertname: 'PaymentsChargesSucceedErrorBudgetBurn', sloth_severity: 'page', sloth_slo: 'charges-succeed' });
    expect(bySeverity.ticket).toMatchObject({ alertname: 'PaymentsChargesSucceedErrorBudgetBurn', sloth_severity: 'ticket' });
  }, 90_000);
});
