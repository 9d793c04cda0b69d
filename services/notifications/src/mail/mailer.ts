import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { mimeMessage } from './mime-message.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Our message id: the Message-ID header, so a receiving server (or a person) can tell a resend from a new message. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  /** Resolves with the server's answer once it accepted the message; rejects when it did not (or could not be reached). */
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/**
 * An SMTP mailer (nodemailer) for `smtp://` or `smtps://` URLs. Connections
 * are pooled and kept while messages keep coming (closed after `timeoutMs`
 * idle): a connection per message cost a TCP connect, a TLS handshake with
 * smtps and the SMTP greeting each time, most of what sending an email cost
 * notifications under an order load. A connection that breaks fails the
 * message on it (its timer retries) and the next message opens another.
 */
export function createSmtpMailer(options: { url: string; from: string; timeoutMs: number }): Mailer {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    pool: true,
    // Notifications sends one message at a time (a batch of due ones one after the other); a second connection covers a
    // replica's overlap with a stopping one.
    maxConnections: 2,
    maxMessages: 500,
  });
  const sender = envelopeAddress(options.from);
  return {
    async send(mail) {
      // Composed in memory first, then handed over whole (each piece streamed to the socket was a write of its own).
      const raw = mimeMessage({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      });
      // A message given whole is not read for its addresses: the envelope says them.
      const info = await transport.sendMail({ envelope: { from: sender, to: [envelopeAddress(mail.to)] }, raw });
      return { response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}

/** The bare address of `Name <address>` (or of a bare address), as SMTP's MAIL FROM and RCPT TO take it. */
export function envelopeAddress(value: string): string {
  const [first] = addressparser(value, { flatten: true });
  if (!first?.address) throw new Error(`not an email address: ${JSON.stringify(value.slice(0, 80))}`);
  return first.address;
}
