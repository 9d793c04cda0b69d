import nodemailer from 'nodemailer';

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

/** An SMTP mailer (nodemailer) for `smtp://` or `smtps://` URLs; one connection per message. */
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
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        headers: mail.headers,
      });
      return { response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}
