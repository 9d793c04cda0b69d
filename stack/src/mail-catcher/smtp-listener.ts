import type { AddressObject, ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { MessageStore, NewMessage } from './message-store.js';

/** Larger messages are refused (552); the store is in memory. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** mailparser is loaded with the first message, not at start: `npm start`'s own process stays small while no email is sent. */
let parser: Promise<typeof import('mailparser')> | undefined;
async function parseMessage(raw: Buffer): Promise<ParsedMail> {
  const { simpleParser } = await (parser ??= import('mailparser'));
  return simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true });
}

/**
 * An SMTP server that accepts every message, parses it (mailparser) and keeps it in `store`.
 * Plain SMTP only (no STARTTLS: its built-in certificate would be refused by clients that check),
 * and any credentials: whether the sender authenticates is the sender's setting.
 */
export function createSmtpListener(store: MessageStore): SMTPServer {
  const server = new SMTPServer({
    name: 'vitrine-mail-catcher',
    banner: 'Vitrine mail catcher (local only: nothing is delivered)',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.once('error', callback);
      stream.once('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the mail catcher size limit'), { responseCode: 552 }));
          return;
        }
        parseMessage(Buffer.concat(chunks))
          .then((parsed) => {
            store.add(toNewMessage(parsed, session));
            callback(null, 'Caught');
          })
          .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
      });
    },
  });
  // A client that hangs up mid-conversation is an 'error' too: without a listener it would end the process.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EADDRINUSE') console.error(`[mail] ${err.message}`);
  });
  return server;
}

function toNewMessage(parsed: ParsedMail, session: SMTPServerSession): NewMessage {
  const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const rcptTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
  const to = addressesOf(parsed.to);
  return {
    receivedAt: new Date(),
    from: parsed.from?.text || mailFrom,
    to: to.length > 0 ? to : rcptTo,
    subject: parsed.subject ?? '',
    messageId: parsed.messageId,
    html: parsed.html || undefined,
    text: parsed.text ?? '',
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
    envelope: { mailFrom, rcptTo },
  };
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((object) => object.value.flatMap((entry) => (entry.group ?? [entry]).map((a) => a.address ?? a.name)));
}
