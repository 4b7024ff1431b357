import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseFile } from './dispatch';

const dataset = (path: string) => new Uint8Array(readFileSync(new URL(`../../../shared/datasets/${path}`, import.meta.url)));

describe('parseFile', () => {
  it('detects each dataset format from its content', () => {
    const text = (p: string) => new TextDecoder().decode(dataset(p));
    expect(detectFormat(text('semicomplete-apache-access-2015/apache_logs.log'))).toBe('access-log');
    expect(detectFormat(text('upptime-unibe-digitaleditions/events.csv'))).toBe('upptime');
    expect(detectFormat(text('nab-aws-cloudwatch-2014/elb_request_count_8c0756.csv'))).toBe('csv');
    expect(detectFormat('{"status":"success","data":{"resultType":"matrix","result":[]}}')).toBe('prometheus-json');
  });

  it('reads an access log detected automatically', () => {
    const r = parseFile(dataset('semicomplete-apache-access-2015/apache_logs.log'), { format: 'auto' });
    expect(r.format).toBe('access-log');
    expect(r.series[0]!.total.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('asks for a column mapping before reading a CSV', () => {
    const r = parseFile(dataset('nab-aws-cloudwatch-2014/elb_request_count_8c0756.csv'), { format: 'csv' });
    expect(r.issues).toEqual([expect.objectContaining({ code: 'MAPPING_REQUIRED' })]);
  });

  it('reads a NAB CSV with a value threshold in a given zone', () => {
    const r = parseFile(dataset('nab-aws-cloudwatch-2014/elb_request_count_8c0756.csv'), {
      format: 'csv', csv: { mapping: { kind: 'value-threshold', time: 'timestamp', value: 'value', threshold: 200, direction: 'below' }, timeFormat: 'iso', timeZone: 'UTC' },
    });
    expect(r.series[0]!.stepMs).toBe(300_000);
    expect(r.accepted).toBe(4032);
  });

  it('refuses bytes that are not UTF-8, naming the offset', () => {
    const r = parseFile(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0x0a]), { format: 'auto' });
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'ENCODING' });
  });
});
