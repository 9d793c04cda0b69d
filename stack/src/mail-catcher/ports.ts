import { createServer } from 'node:net';
import { freePort } from '@vitrine/local-infra/runner';
import type { MailCatcherOptions, MailCatcherPorts } from './options.js';

/**
 * The port the mail catcher is given: the one set, or the preferred one while it is free, else a free one (the
 * project's `freePort`: below the ephemeral range, and claimed). Settled before the catcher starts, so that `npm
 * start`'s runner can tell notifications and the person at the terminal where mail goes before the catcher's process
 * is up. A port set explicitly is not checked: taken, it fails in the catcher, with its own message.
 */
export async function mailCatcherPort(setting: MailCatcherOptions['smtpPort'], host = '127.0.0.1'): Promise<number> {
  if (typeof setting === 'number') return setting === 0 ? freePort() : setting;
  return (await isFree(setting.preferred, host)) ? setting.preferred : freePort();
}

/** Both of the catcher's ports settled, and its limit. */
export async function mailCatcherPorts(options: MailCatcherOptions): Promise<MailCatcherPorts> {
  return { smtpPort: await mailCatcherPort(options.smtpPort), httpPort: await mailCatcherPort(options.httpPort), limit: options.limit };
}

/** Whether `port` can be listened on now (listened on for a moment, then let go). */
function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve(false) : reject(err)));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
