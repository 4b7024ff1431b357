import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportFile } from '#shared/exporters/types';
import { downloadOf, fileBytes, zipFiles } from './download';

const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00]);
const pdf: ExportFile = { name: 'review/chatbot.pdf', text: btoa(String.fromCharCode(...PDF_BYTES)), encoding: 'base64' };
const yaml: ExportFile = { name: 'chatbot.yaml', text: 'apiVersion: openslo/v1\nkind: Service # “chatbot” ≤ 200 ms\n' };
const losses: ExportFile = { name: 'LOSSES-openslo.md', text: '# What OpenSLO v1 could not carry\n' };

describe('a browser download of an export', () => {
  it('decodes a base64 file to its bytes and writes a text file in UTF-8', () => {
    expect([...fileBytes(pdf)]).toEqual([...PDF_BYTES]);
    expect(new TextDecoder().decode(fileBytes(yaml))).toBe(yaml.text);
    expect(fileBytes(yaml).length).toBeGreaterThan(yaml.text.length);
  });

  it('zips several files, each under its name with its exact bytes, the loss report among them', () => {
    const download = downloadOf('openslo', [yaml, losses, pdf]);
    expect([download.name, download.type]).toEqual(['slo-workbench-openslo.zip', 'application/zip']);
    const entries = unzipSync(download.bytes);
    expect(Object.keys(entries)).toEqual(['chatbot.yaml', 'LOSSES-openslo.md', 'review/chatbot.pdf']);
    expect(strFromU8(entries['chatbot.yaml']!)).toBe(yaml.text);
    expect([...entries['review/chatbot.pdf']!]).toEqual([...PDF_BYTES]);
  });

  it('makes the same zip, byte for byte, every time', () => {
    const first = zipFiles([yaml, losses]);
    expect(zipFiles([yaml, losses])).toEqual(first);
    // The entry's DOS time and date: 12:00:00 on 2000-01-01, whatever the clock says.
    const view = new DataView(first.buffer, first.byteOffset);
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([12 << 11, (20 << 9) | (1 << 5) | 1]);
  });

  it('downloads a single file as itself, without a zip', () => {
    const download = downloadOf('pdf', [pdf]);
    expect([download.name, download.type, download.bytes.length]).toEqual(['chatbot.pdf', 'application/pdf', PDF_BYTES.length]);
  });
});
