import { request } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';
import { mailCatcherPort, mailCatcherPorts } from './ports.js';

// A real SMTP conversation (nodemailer, as notifications sends) into the catcher, read back through its page and JSON.
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, limit: 3 });
});
afterAll(() => catcher?.stop());

const send = (mail: { subject: string; to?: string; html?: string; text?: string }, auth?: { user: string; pass: string }) => {
  const { port } = new URL(catcher.smtpUrl);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(port), secure: false, auth });
  return transport.sendMail({ from: 'Vitrine <no-reply@vitrine.local>', to: 'ann@example.com', text: 'Hello', ...mail }).finally(() => transport.close());
};
const get = (path: string, init?: RequestInit) => fetch(new URL(path, catcher.pageUrl), init);
const listed = async (query = '') =>
  ((await (await get(`/api/messages${query}`)).json()) as { limit: number; messages: { id: string; subject: string; to: string[]; from: string }[] }).messages;

describe('the mail catcher', () => {
  it('shows a message sent over SMTP on its page and as JSON, escaping what the message says', async () => {
    const subject = '<b>Bienvenue</b> & "welcome" <script>alert(1)</script>';
    const html = '<p>Hi <strong>Ann</strong></p><script>alert(2)</script>';
    await send({ subject, html, text: 'Hi Ann <3' }, { user: 'notifications', pass: 'any' });

    const [message] = await listed();
    expect(message).toMatchObject({ subject, to: ['ann@example.com'], from: expect.stringContaining('no-reply@vitrine.local') });

    const inbox = await get('/');
    expect(inbox.headers.get('content-security-policy')).toContain("default-src 'none'");
    const inboxHtml = await inbox.text();
    expect(inboxHtml).toContain('&lt;b&gt;Bienvenue&lt;/b&gt; &amp; &quot;welcome&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(inboxHtml).not.toContain('<b>Bienvenue');
    expect(inboxHtml).not.toContain('<script>');
    expect(inboxHtml).toContain('&quot;Vitrine&quot; &lt;no-reply@vitrine.local&gt;');

    const page = await (await get(`/messages/${message!.id}`)).text();
    expect(page).toContain(`<iframe src="/messages/${message!.id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox"`);
    expect(page).toContain('<pre>Hi Ann &lt;3</pre>');
    expect(page).not.toContain('<script>');

    const body = await get(`/messages/${message!.id}/html`);
    expect(body.headers.get('content-security-policy')).toMatch(/^sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none';/);
    expect(await body.text()).toBe(html);

    const detail = (await (await get(`/api/messages/${message!.id}`)).json()) as { html: string; text: string; envelope: unknown };
    expect(detail).toMatchObject({ html, text: 'Hi Ann <3', envelope: { mailFrom: 'no-reply@vitrine.local', rcptTo: ['ann@example.com'] } });
  });

  it('keeps the last messages only, newest first, and forgets them all on DELETE', async () => {
    for (const n of [1, 2, 3, 4]) await send({ subject: `Message ${n}`, to: n % 2 ? 'odd@example.com' : 'even@example.com' });
    const messages = await listed();
    expect(messages.map((m) => m.subject)).toEqual(['Message 4', 'Message 3', 'Message 2']);
    expect((await listed('?to=ODD@example.com')).map((m) => m.subject)).toEqual(['Message 3']);
    expect((await get('/messages/1')).status).toBe(404); // the first test's, forgotten
    expect((await get('/api/messages/1')).status).toBe(404);

    expect((await get('/api/messages', { method: 'DELETE' })).status).toBe(204);
    expect(await listed()).toEqual([]);
    expect(await (await get('/')).text()).toContain('No email yet');
  });

  it('answers only to loopback names (no DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(catcher.pageUrl);
      request({ hostname, port, path: '/api/messages', headers: { host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
    expect((await fetch(catcher.pageUrl.replace('127.0.0.1', 'localhost'))).status).toBe(200);
  });

  it('takes a free port when the preferred one is taken, the preferred one when it is free, and says so when a required one is taken', async () => {
    const taken: Server = await new Promise((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
    const port = (taken.address() as AddressInfo).port;
    try {
      const other = await startMailCatcher(await mailCatcherPorts({ smtpPort: { preferred: port }, httpPort: 0, limit: 1 }));
      expect(Number(new URL(other.smtpUrl).port)).not.toBe(port);
      await other.stop();
      await expect(startMailCatcher({ smtpPort: 0, httpPort: port, limit: 1 })).rejects.toThrow(`HTTP port 127.0.0.1:${port} is not available (EADDRINUSE)`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    expect(await mailCatcherPort({ preferred: port })).toBe(port);
  });
});
