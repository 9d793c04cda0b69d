import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Receipt } from './fan-out-tally.js';

/**
 * Partners' webhook endpoints, on loopback inside the bench process: each
 * verifies every request's Standard Webhooks signature with its partner's
 * secret (as notifications' example consumer does), answers 204 and notes
 * the receipt; a request that does not verify gets 401 and is counted.
 */
export interface WebhookReceivers {
  urls: string[];
  /** Set each partner's secret once notifications has created it. */
  setSecret(partner: number, secret: string): void;
  /** Verified requests, in arrival order, duplicates included. */
  readonly receipts: Receipt[];
  /** Requests refused: no secret yet, a bad signature or timestamp, or a body that is not an event. */
  readonly rejected: number;
  stop(): Promise<void>;
}

interface Envelope {
  id?: unknown;
  type?: unknown;
  subject?: unknown;
  time?: unknown;
}

export async function startWebhookReceivers(count: number): Promise<WebhookReceivers> {
  const receipts: Receipt[] = [];
  const verifiers: (Webhook | undefined)[] = Array.from({ length: count }, () => undefined);
  let rejected = 0;

  const receiver = (partner: number): Server =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const receivedAt = Date.now();
        const headers = {
          'webhook-id': String(req.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        };
        let event: Envelope;
        try {
          const verifier = verifiers[partner];
          if (!verifier) throw new Error('no secret yet');
          event = verifier.verify(Buffer.concat(chunks).toString('utf8'), headers) as Envelope;
        } catch {
          rejected++;
          res.writeHead(401).end();
          return;
        }
        const eventTime = typeof event.time === 'string' ? Date.parse(event.time) : Number.NaN;
        if (event.id !== headers['webhook-id'] || typeof event.type !== 'string' || typeof event.subject !== 'string' || Number.isNaN(eventTime)) {
          rejected++;
          res.writeHead(400).end();
          return;
        }
        receipts.push({ partner, eventId: event.id, type: event.type, subject: event.subject, eventTime, receivedAt });
        res.writeHead(204).end();
      });
    });

  const servers: Server[] = [];
  const urls: string[] = [];
  try {
    for (let partner = 0; partner < count; partner++) {
      const server = receiver(partner);
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`);
    }
  } catch (err) {
    await closeAll(servers);
    throw err;
  }
  return {
    urls,
    receipts,
    get rejected() {
      return rejected;
    },
    setSecret: (partner, secret) => {
      verifiers[partner] = new Webhook(secret);
    },
    stop: () => closeAll(servers),
  };
}

async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          // notifications keeps its sockets alive between deliveries.
          server.closeAllConnections();
        }),
    ),
  );
}
