// The example partner consumer (also what the webhook specs receive with): an HTTP endpoint that
// verifies each delivery's Standard Webhooks signature, refuses what does not verify, and
// processes each webhook id once. A partner's own would do the same with its secret.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

export interface ExamplePartner {
  readonly url: string;
  /** Events processed, each id once, in the order they arrived. */
  readonly events: ReceivedEvent[];
  /** Requests that reached it, duplicates and refused ones included. */
  readonly requests: { id: string; verified: boolean; answered: number }[];
  /** The secret it verifies with (set once the partner is created). */
  secret: string;
  /** While down it answers 503 to everything, as an endpoint that is failing. */
  down: boolean;
  /** How long it takes to answer each request (a slow endpoint); 0 by default. */
  answerDelayMs: number;
  /** Requests it is working on now, and the most it ever had at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  stop(): Promise<void>;
}

export async function startExamplePartner(): Promise<ExamplePartner> {
  const seen = new Set<string>();
  const partner = {
    events: [] as ReceivedEvent[],
    requests: [] as ExamplePartner['requests'],
    secret: '',
    down: false,
    answerDelayMs: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    partner.inFlight += 1;
    partner.maxInFlight = Math.max(partner.maxInFlight, partner.inFlight);
    const respond = () => {
      partner.inFlight -= 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id'] ?? '');
      const answer = (status: number, verified: boolean) => {
        partner.requests.push({ id, verified, answered: status });
        res.writeHead(status).end();
      };
      if (partner.down) return answer(503, false);
      let event: ReceivedEvent;
      try {
        event = new Webhook(partner.secret).verify(body, {
          'webhook-id': id,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        }) as ReceivedEvent;
      } catch {
        return answer(401, false);
      }
      // At-least-once in, once out: a webhook id already processed is acknowledged and skipped.
      if (!seen.has(id)) {
        seen.add(id);
        partner.events.push(event);
      }
      answer(204, true);
    };
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => setTimeout(respond, partner.answerDelayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(partner, {
    url: `http://127.0.0.1:${port}/webhooks`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
