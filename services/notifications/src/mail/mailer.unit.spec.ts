import { Socket, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSmtpMailer, envelopeAddress, type OutgoingMail } from './mailer.js';

// An in-process SMTP server that counts connections and keeps each message's Message-ID (and the whole of each).
// With `login`, it asks for those credentials (AUTH PLAIN or LOGIN, over the plain connection a test has); `refuse`
// turns down recipients at that address.
async function smtpServer(port = 0, { login, refuse }: { login?: { user: string; pass: string }; refuse?: string } = {}) {
  const received: string[] = [];
  const messages: { from: string; to: string[]; raw: string }[] = [];
  let connections = 0;
  const server = new SMTPServer({
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !login,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === login?.user && auth.password === login?.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === refuse) callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      else callback();
    },
    disableReverseLookup: true,
    logger: false,
    // Stopping drops open connections at once (a restarted server), instead of waiting for clients to leave.
    closeTimeout: 50,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.once('end', () => {
        received.push(/^Message-ID: <?([^>\r\n]+)>?/im.exec(raw)?.[1] ?? '?');
        const { mailFrom, rcptTo } = session.envelope;
        messages.push({ from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address), raw });
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
    messages,
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

type ServerOptions = Parameters<typeof smtpServer>[1];
type MailerOptions = Partial<Parameters<typeof createSmtpMailer>[0]>;

/** A mailer to `url` (from shop@vitrine.test, 5 s timeouts unless given), closed after the test. */
function mailerTo(url: string, options: MailerOptions = {}) {
  const mailer = createSmtpMailer({ url, from: 'shop@vitrine.test', timeoutMs: 5000, ...options });
  closing.push(() => mailer.close());
  return mailer;
}

/** A server for this test (stopped after it) and a mailer to it. */
async function serverAndMailer(serverOptions: ServerOptions = {}, mailerOptions: MailerOptions = {}) {
  const server = await smtpServer(0, serverOptions);
  closing.push(server.stop);
  return { server, mailer: mailerTo(server.url, mailerOptions) };
}

describe('SMTP mailer', () => {
  it('sends many messages over one kept connection, not one connection each', async () => {
    const { server, mailer } = await serverAndMailer();
    for (let n = 1; n <= 6; n++) expect((await mailer.send(mail(n))).response).toContain('Accepted');
    expect(server.received).toEqual([1, 2, 3, 4, 5, 6].map((n) => `message-${n}@vitrine.test`));
    expect(server.connections()).toBe(1);
  });

  it('a kept connection the server dropped (a restart) costs at most one failed send; the retry goes through on a new connection', async () => {
    const first = await smtpServer();
    const mailer = mailerTo(first.url, { timeoutMs: 2000 });
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

  it('sends the message whole: the envelope from the bare addresses, every header and both parts as given', async () => {
    const { server, mailer } = await serverAndMailer({}, { from: 'Figure Shop <shop@vitrine.test>' });
    await mailer.send({
      to: 'Dan Example <dan@example.com>',
      subject: 'Votre acompte est réglé',
      html: '<p>Merci, Dan.</p>',
      text: 'Merci, Dan.\n.\nLa boutique',
      messageId: '<whole-1@vitrine.test>',
      headers: { 'X-Vitrine-Message': 'whole-1' },
    });
    const [message] = server.messages;
    expect(message).toMatchObject({ from: 'shop@vitrine.test', to: ['dan@example.com'] });
    const raw = message!.raw;
    expect(raw).toMatch(/^From: Figure Shop <shop@vitrine\.test>\r$/m);
    expect(raw).toMatch(/^To: Dan Example <dan@example\.com>\r$/m);
    expect(raw).toContain(`\r\nSubject: =?UTF-8?B?${Buffer.from('Votre acompte est réglé').toString('base64')}?=\r\n`);
    expect(raw).toMatch(/^Message-ID: <whole-1@vitrine\.test>\r$/m);
    expect(raw).toMatch(/^X-Vitrine-Message: whole-1\r$/m);
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).toContain('<p>Merci, Dan.</p>');
    // A line of a single dot in the text is sent stuffed and comes back as it was.
    expect(raw).toContain('Merci, Dan.\r\n.\r\nLa boutique');
  });

  it('writes a long message to the socket in a few writes, not one per piece of it', async () => {
    const { server, mailer } = await serverAndMailer();
    await mailer.send(mail(0)); // the connection and its greeting, before counting
    const long: OutgoingMail = { ...mail(1), html: `<p>${'Une statue peinte à la main. '.repeat(250)}</p>`, text: 'Une statue. '.repeat(400) };
    const write = vi.spyOn(Socket.prototype, 'write');
    let writes: number;
    try {
      await mailer.send(long);
      // The mailer's own writes (the server in this process writes its answers through the same method).
      writes = write.mock.contexts.filter((socket) => (socket as Socket).remotePort === server.port).length;
    } finally {
      write.mockRestore();
    }
    expect(server.received.at(-1)).toBe('message-1@vitrine.test');
    // MAIL FROM, RCPT TO, DATA, the message, its final dot. Composed as it was streamed, the same message took 14.
    expect(writes).toBe(5);
  });

  it('logs in with the credentials in the URL, and a server that refuses them fails the send', async () => {
    const server = await smtpServer(0, { login: { user: 'mailer@vitrine.test', pass: 'p@ss word' } });
    closing.push(server.stop);
    const mailer = mailerTo(`smtp://mailer%40vitrine.test:p%40ss%20word@127.0.0.1:${server.port}`);
    expect((await mailer.send(mail(1))).response).toContain('Accepted');
    const wrong = mailerTo(`smtp://mailer%40vitrine.test:guess@127.0.0.1:${server.port}`);
    await expect(wrong.send(mail(2))).rejects.toThrow(/Invalid username or password/);
    expect(server.received).toEqual(['message-1@vitrine.test']);
  });

  it('a recipient the server refuses fails that message only: the next one goes out', async () => {
    const { server, mailer } = await serverAndMailer({ refuse: 'nobody@example.com' });
    await expect(mailer.send({ ...mail(1), to: 'nobody@example.com' })).rejects.toThrow(/No such user here/);
    expect((await mailer.send(mail(2))).response).toContain('Accepted');
    expect(server.received).toEqual(['message-2@vitrine.test']);
  });

  it('a message that cannot be written (no address to send to) fails alone: the kept connection goes on', async () => {
    const { server, mailer } = await serverAndMailer();
    await mailer.send(mail(1));
    await expect(mailer.send({ ...mail(2), to: 'Dan' })).rejects.toThrow(/not an email address/);
    await mailer.send(mail(3));
    expect(server.received).toEqual(['message-1@vitrine.test', 'message-3@vitrine.test']);
    expect(server.connections()).toBe(1);
  });

  it('messages sent at once go out one after the other, all of them, over the one connection', async () => {
    const { server, mailer } = await serverAndMailer();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => mailer.send(mail(n))));
    expect(answers.map((a) => a.response)).toEqual(Array(5).fill(expect.stringContaining('Accepted')));
    expect(server.received).toEqual([1, 2, 3, 4, 5].map((n) => `message-${n}@vitrine.test`));
    expect(server.connections()).toBe(1);
  });

  it('moves to a fresh connection after so many messages on one', async () => {
    const { server, mailer } = await serverAndMailer({}, { messagesPerConnection: 3 });
    for (let n = 1; n <= 7; n++) await mailer.send(mail(n));
    expect(server.received).toHaveLength(7);
    expect(server.connections()).toBe(3);
  });

  it('closes a connection left idle, and the next message opens another', async () => {
    const { server, mailer } = await serverAndMailer({}, { timeoutMs: 400 });
    await mailer.send(mail(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await mailer.send(mail(2));
    expect(server.received).toEqual(['message-1@vitrine.test', 'message-2@vitrine.test']);
    expect(server.connections()).toBe(2);
  });

  it('takes the bare address out of a display form for the envelope', () => {
    expect(envelopeAddress('Vitrine <no-reply@vitrine.local>')).toBe('no-reply@vitrine.local');
    expect(envelopeAddress('dan@example.com')).toBe('dan@example.com');
    expect(() => envelopeAddress('Vitrine')).toThrow(/not an email address/);
  });
});
