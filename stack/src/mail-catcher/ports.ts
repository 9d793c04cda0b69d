import { createServer } from 'node:net';
import type { MailCatcherOptions } from './options.js';

/**
 * The port the mail catcher's process is given: the one set, or the preferred one while it is free, else a free one.
 * Chosen by `npm start`'s runner, which tells notifications and the person at the terminal where mail goes before
 * the catcher's process is up. Only 0 and a preferred port are tried here: a port set explicitly that is taken fails
 * in the catcher, with its own message.
 */
export async function mailCatcherPort(setting: MailCatcherOptions['smtpPort'], host = '127.0.0.1'): Promise<number> {
  if (typeof setting === 'number' && setting !== 0) return setting;
  const preferred = typeof setting === 'number' ? 0 : setting.preferred;
  try {
    return await boundPort(preferred, host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || preferred === 0) throw err;
    return boundPort(0, host);
  }
}

/** Listens on `port` for a moment: the port it got, then lets it go. */
function boundPort(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
