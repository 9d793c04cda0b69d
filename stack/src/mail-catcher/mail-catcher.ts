/**
 * The local mail catcher `npm start` runs in a process of its own (`main.ts`): an SMTP server that keeps the last
 * messages in memory and a page to read them in a browser. Loopback only; nothing is delivered.
 */
import type { AddressInfo, Server } from 'node:net';
import { createMessageStore, type MessageStore } from './message-store.js';
import { createSmtpListener } from './smtp-listener.js';
import type { MailCatcherPorts } from './options.js';
import { createWebServer } from './web-server.js';

export { mailCatcherOptions, type MailCatcherOptions, type MailCatcherPorts } from './options.js';

export interface MailCatcher {
  /** What a sender is given, e.g. `smtp://127.0.0.1:1025`. */
  smtpUrl: string;
  /** The page a person opens, e.g. `http://127.0.0.1:8025/`. */
  pageUrl: string;
  store: MessageStore;
  stop(): Promise<void>;
}

const host = '127.0.0.1';

export async function startMailCatcher(options: MailCatcherPorts): Promise<MailCatcher> {
  const store = createMessageStore(options.limit);
  const smtp = createSmtpListener(store);
  const web = createWebServer(store);
  const smtpPort = await listen(smtp.server, options.smtpPort, 'SMTP');
  let httpPort: number;
  try {
    httpPort = await listen(web, options.httpPort, 'HTTP');
  } catch (err) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw err;
  }
  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    pageUrl: `http://${host}:${httpPort}/`,
    store,
    async stop() {
      web.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => web.close(() => resolve()))]);
    },
  };
}

/** Listens on loopback on `port` (0: any free one); a port that is taken fails the start, saying which. */
async function listen(server: Server, port: number, what: string): Promise<number> {
  try {
    return await new Promise<number>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, host);
    });
  } catch (err) {
    throw new Error(`the mail catcher's ${what} port ${host}:${port} is not available (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
  }
}
