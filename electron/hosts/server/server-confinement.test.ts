// Items of browser mode that must stay inside the served folder: the recent list and open-recent (symlinks
// resolved), plus two protocol guards: a request with two Host headers, and an unauthenticated request's body.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentId, SettingsStore } from '../../core/services/settings-store';
import { createWorkspaceDb } from '../../core/storage/db';
import { goodPostHeaders, invokeHttp, type Harness, startHarness } from '../test/server-harness';

let h: Harness;
let outside: string;
let throughLink: string;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  h = await startHarness({
    prepare: ({ base, folder, settingsDir }) => {
      outside = join(base, 'elsewhere', 'secret.slowb');
      mkdirSync(join(base, 'elsewhere'));
      mkdirSync(join(folder, 'team'));
      for (const file of [outside, join(folder, 'inside.slowb'), join(folder, 'team', 'deep.slowb')]) createWorkspaceDb(file).db.close();
      // A folder inside that is a symlink to the outside one: the path looks inside, the file is not.
      symlinkSync(join(base, 'elsewhere'), join(folder, 'linked'));
      throughLink = join(folder, 'linked', 'secret.slowb');
      const settings = new SettingsStore(settingsDir);
      [outside, throughLink, join(folder, 'team', 'deep.slowb'), join(folder, 'inside.slowb')].forEach((p, i) => settings.remember(p, i));
    },
  });
}, 30_000);

afterAll(async () => {
  await h.dispose();
});

describe('the folder listing in browser mode', () => {
  it('names the served folder by its own name and a subfolder relative to it, never by a real path', async () => {
    const top = await invokeHttp(h.server, 'workspace/list-folder', { subfolder: '' });
    expect(top.json).toMatchObject({ ok: true, value: { folder: basename(h.folder), subfolder: '' } });
    const team = await invokeHttp(h.server, 'workspace/list-folder', { subfolder: 'team' });
    expect(team.json).toMatchObject({
      ok: true,
      value: { folder: basename(h.folder), subfolder: 'team', entries: [{ name: 'deep.slowb', kind: 'workspace' }] },
    });
    for (const res of [top, team]) expect(JSON.stringify(res.json)).not.toContain(h.base);
  });
});

describe('the recent list in browser mode', () => {
  it("shows only the served folder's workspaces, by names relative to it, never a real path", async () => {
    const res = await invokeHttp(h.server, 'workspace/recent');
    expect(res.json).toEqual({
      ok: true,
      value: [
        { id: recentId(join(h.folder, 'inside.slowb')), name: 'inside.slowb', location: 'inside.slowb', exists: true },
        { id: recentId(join(h.folder, 'team', 'deep.slowb')), name: 'deep.slowb', location: 'team/deep.slowb', exists: true },
      ],
    });
    expect(JSON.stringify(res.json)).not.toContain(h.base);
  });

  it('refuses to open a recent workspace outside the folder, also through a symlinked folder, and writes nothing there', async () => {
    const before = sha(outside);
    for (const path of [outside, throughLink]) {
      const res = await invokeHttp(h.server, 'workspace/open-recent', { id: recentId(path) });
      expect([path, res.json]).toEqual([
        path,
        { ok: false, error: { code: 'NOT_FOUND', message: 'That workspace is not in the recent list of this folder', details: { field: 'id' } } },
      ]);
    }
    expect(await invokeHttp(h.server, 'workspace/state')).toMatchObject({ json: { ok: true, value: { workspace: null } } });
    expect(await invokeHttp(h.server, 'service/create', { name: 'written-outside' })).toMatchObject({ json: { ok: false, error: { code: 'NO_WORKSPACE' } } });
    expect(sha(outside)).toBe(before);
  });

  it('opens a recent workspace inside the folder and names it relative to the folder', async () => {
    const res = await invokeHttp(h.server, 'workspace/open-recent', { id: recentId(join(h.folder, 'team', 'deep.slowb')) });
    expect(res.json).toMatchObject({ ok: true, value: { workspace: { name: 'deep.slowb', location: 'team/deep.slowb', readOnly: false } } });
    expect(await invokeHttp(h.server, 'workspace/state')).toMatchObject({ json: { ok: true, value: { workspace: { location: 'team/deep.slowb' } } } });
    await invokeHttp(h.server, 'workspace/close');
  });
});

/** Sends raw bytes on one connection; resolves with what came back and whether the server closed the connection. */
function rawExchange(port: number, head: string, waitMs: number): Promise<{ response: string; closedByServer: boolean }> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let closedByServer = false;
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString('utf8');
    });
    socket.on('end', () => {
      closedByServer = true;
    });
    socket.on('error', fail);
    socket.write(head);
    setTimeout(() => {
      socket.destroy();
      done({ response, closedByServer });
    }, waitMs);
  });
}

describe('protocol guards', () => {
  it('refuses a request with two Host headers, even when the first is the right one and the token is given', async () => {
    const port = h.server.port;
    for (const hosts of [
      [`127.0.0.1:${port}`, `evil.test:${port}`],
      [`127.0.0.1:${port}`, `127.0.0.1:${port}`],
    ]) {
      const head = `GET /api/events HTTP/1.1\r\n${hosts.map((v) => `Host: ${v}\r\n`).join('')}Authorization: Bearer ${h.server.token}\r\nConnection: close\r\n\r\n`;
      const { response } = await rawExchange(port, head, 500);
      expect(response.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
      expect(response).toContain('more than one Host header');
      expect(response).not.toContain('text/event-stream');
    }
  });

  it('answers an unauthenticated request before its body with 401 and closes the connection without reading the body', async () => {
    const headers = goodPostHeaders(h.server);
    delete headers.Authorization;
    const head = `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${h.server.port}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Content-Length: 50000000\r\n\r\n`;
    const { response, closedByServer } = await rawExchange(h.server.port, head, 1000);
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(response.toLowerCase()).toContain('connection: close');
    expect(closedByServer).toBe(true);
  });

  it('does not invite the body of an unauthenticated request that asks "Expect: 100-continue": 401 comes first', async () => {
    const headers = goodPostHeaders(h.server);
    delete headers.Authorization;
    const head = `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${h.server.port}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Expect: 100-continue\r\nContent-Length: 50000000\r\n\r\n`;
    const { response, closedByServer } = await rawExchange(h.server.port, head, 1000);
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(response).not.toContain('100 Continue');
    expect(closedByServer).toBe(true);
  });

  it('invites the body of an authenticated request that asks "Expect: 100-continue"', async () => {
    const body = JSON.stringify({ channel: 'app/info', args: {} });
    const head = `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${h.server.port}\r\n${Object.entries(goodPostHeaders(h.server))
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Expect: 100-continue\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const { response } = await rawExchange(h.server.port, head, 300);
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 100 Continue');
  });

  it('still answers an authenticated request with a body on a kept-alive connection', async () => {
    expect(await invokeHttp(h.server, 'app/info')).toMatchObject({ status: 200, json: { ok: true, value: { host: 'browser' } } });
  });
});
