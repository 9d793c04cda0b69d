import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer, type OutgoingMail } from './mailer.js';

// An in-process SMTP server that counts connections and keeps each message's Message-ID.
async function smtpServer(port = 0) {
  const received: string[] = [];
  let connections = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    // Stopping drops open connections at once (a restarted server), instead of waiting for clients to leave.
    closeTimeout: 50,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.once('end', () => {
        received.push(/^Message-ID: <?([^>\r\n]+)>?/im.exec(raw)?.[1] ?? '?');
        callback(null, 'Accepted');
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    connections: () => connections,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mail = (n: number): OutgoingMail => ({
  to: 'dan@example.com',
  subject: `Message ${n}`,
  html: `<p>${n}</p>`,
  text: String(n),
  messageId: `<message-${n}@vitrine.test>`,
  headers: {},
});

const closing: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

describe('SMTP mailer', () => {
  it('sends many messages over one kept connection, not one connection each', async () => {
    const server = await smtpServer();
    closing.push(server.stop);
    const mailer = createSmtpMailer({ url: server.url, from: 'shop@vitrine.test', timeoutMs: 5000 });
    closing.push(() => mailer.close());
    for (let n = 1; n <= 6; n++) expect((await mailer.send(mail(n))).response).toContain('Accepted');
    expect(server.received).toEqual([1, 2, 3, 4, 5, 6].map((n) => `message-${n}@vitrine.test`));
    expect(server.connections()).toBe(1);
  });

  it('a kept connection the server dropped (a restart) costs at most one failed send; the retry goes through on a new connection', async () => {
    const first = await smtpServer();
    const mailer = createSmtpMailer({ url: first.url, from: 'shop@vitrine.test', timeoutMs: 2000 });
    closing.push(() => mailer.close());
    await mailer.send(mail(1));
    await first.stop();
    const second = await smtpServer(first.port);
    closing.push(second.stop);
    // What a message's timer does: try, and try again after a failure.
    let failures = 0;
    for (;;) {
      try {
        expect((await mailer.send(mail(2))).response).toContain('Accepted');
        break;
      } catch {
        if (++failures > 1) throw new Error('the mailer kept failing on a server that is up');
      }
    }
    expect(second.received).toEqual(['message-2@vitrine.test']);
    expect(second.connections()).toBe(1);
  });
});
