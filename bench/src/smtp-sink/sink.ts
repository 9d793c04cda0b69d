import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the sink has accepted since it started. */
export interface SinkTally {
  messages: number;
  recipients: number;
  bytes: number;
}

export interface RunningSmtpSink {
  smtpPort: number;
  httpPort: number;
  tally: Readonly<SinkTally>;
  stop(): Promise<void>;
}

/** Larger messages are refused (552), as a provider refuses them; notifications' emails are a few KB. */
const defaultMaxMessageBytes = 10 * 1024 * 1024;

/**
 * The bench's mail provider: an SMTP server (smtp-server: the protocol in full, the message read to its end, its
 * dots unstuffed) that accepts every message and keeps only a tally, served as JSON at `GET /tally` beside
 * `GET /ready`. In production the provider is off the machine; here it shares the two cores with what is measured,
 * so it should cost no more than receiving does. Mailpit, which the tests read messages back from, also parses,
 * compresses, indexes and stores each one (bench/README.md, "The SMTP server").
 */
export async function startSmtpSink(options: { host?: string; smtpPort?: number; httpPort?: number; maxMessageBytes?: number } = {}): Promise<RunningSmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const tally: SinkTally = { messages: 0, recipients: 0, bytes: 0 };
  const smtp = new SMTPServer({
    name: 'vitrine-bench-sink',
    banner: 'Vitrine bench SMTP sink (nothing is delivered)',
    // Plain SMTP on loopback, any credentials: whether the sender authenticates is the sender's setting.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    size: options.maxMessageBytes ?? defaultMaxMessageBytes,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
    onData(stream, session, callback) {
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      stream.once('error', callback);
      stream.once('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
          return;
        }
        tally.messages += 1;
        tally.recipients += session.envelope.rcptTo.length;
        tally.bytes += bytes;
        callback(null, 'Accepted');
      });
    },
  });
  // A client that hangs up mid-conversation is an 'error' too: without a listener it would end the process.
  smtp.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET') console.error(`[smtp sink] ${err.message}`);
  });
  const http: Server = createServer((req, res) => {
    const body = req.url === '/tally' ? JSON.stringify(tally) : req.url === '/ready' ? '{"ready":true}' : undefined;
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(body ?? '{}');
  });
  const smtpPort = await listen(smtp.server, host, options.smtpPort ?? 0);
  const httpPort = await listen(http, host, options.httpPort ?? 0);
  return {
    smtpPort,
    httpPort,
    tally,
    async stop() {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => http.close(() => resolve()))]);
    },
  };
}

async function listen(server: Server | import('node:net').Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
