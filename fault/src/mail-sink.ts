import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  smtpUrl: string;
  stop(): Promise<void>;
}

/**
 * An SMTP server that accepts every message and keeps none: notifications
 * sends its purchase emails somewhere, so that no failed send (retried, then
 * given up as a dead timer) is mistaken for something a fault left behind.
 */
export async function startMailSink(): Promise<MailSink> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.once('end', () => callback(null, 'Accepted'));
    },
  });
  // A client that hangs up mid-conversation (a killed notifications) is an 'error' too: without a listener it ends the test.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { smtpUrl: `smtp://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
