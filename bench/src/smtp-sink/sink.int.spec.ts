import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type RunningSmtpSink } from './sink.js';

const started: RunningSmtpSink[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sink) => sink.stop()));
});

async function sink(maxMessageBytes?: number) {
  const running = await startSmtpSink({ maxMessageBytes });
  started.push(running);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: running.smtpPort, secure: false, ignoreTLS: true });
  const tally = async () => (await fetch(`http://127.0.0.1:${running.httpPort}/tally`)).json();
  return { running, transport, tally };
}

/** A whole message as sent, lines ended by CRLF; a line of its own starting with a dot is stuffed on the wire and unstuffed by the server. */
const raw = (body: string) => ['From: shop@example.com', 'To: a@example.com', 'Subject: Order confirmed', '', body, '.hidden dot line', ''].join('\r\n');

describe('the bench SMTP sink', () => {
  it('accepts every message and tallies messages, recipients and the bytes of each message as sent', async () => {
    const { transport, tally } = await sink();
    const first = raw('Your deposit is due.');
    const second = raw('Your figure has shipped.');
    await transport.sendMail({ envelope: { from: 'shop@example.com', to: ['a@example.com'] }, raw: first });
    const answer = await transport.sendMail({ envelope: { from: 'shop@example.com', to: ['a@example.com', 'b@example.com'] }, raw: second });
    expect(answer.accepted).toEqual(['a@example.com', 'b@example.com']);
    expect(await tally()).toEqual({ messages: 2, recipients: 3, bytes: Buffer.byteLength(first) + Buffer.byteLength(second) });
  });

  it('refuses a message over its size limit and does not count it', async () => {
    const { transport, tally } = await sink(1024);
    await expect(transport.sendMail({ envelope: { from: 'shop@example.com', to: ['a@example.com'] }, raw: raw('x'.repeat(2048)) })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(await tally()).toEqual({ messages: 0, recipients: 0, bytes: 0 });
  });

  it('answers its readiness, and 404 for anything else', async () => {
    const { running } = await sink();
    expect((await fetch(`http://127.0.0.1:${running.httpPort}/ready`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${running.httpPort}/messages`)).status).toBe(404);
  });
});
