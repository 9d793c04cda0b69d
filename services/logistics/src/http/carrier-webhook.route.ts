import type { HttpRoute } from '@vitrine/platform';
import { BodyTooLarge, readBody } from '@vitrine/platform/http';
import { runtimeOf } from '../config/logistics-runtime.js';
import { receiveCarrierWebhook } from '../use-cases/carrier-webhook.js';

/** A tracking step is a few hundred bytes; anything much bigger is not one. */
const maxWebhookBytes = 64 * 1024;

/**
 * `POST /webhooks/carrier?carrier=<CODE>`: a carrier reports a tracking step.
 * The raw body is kept as received (the signature covers its exact bytes).
 */
export const carrierWebhookRoute: HttpRoute = async (req, res, { orm }) => {
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  let body: string;
  try {
    body = await readBody(req, maxWebhookBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge) return void res.writeHead(413).end();
    throw err;
  }
  const carrier = new URL(req.url ?? '/', 'http://logistics').searchParams.get('carrier') ?? '';
  const result = await receiveCarrierWebhook(orm, runtimeOf(orm), carrier, body, req.headers);
  res.writeHead(result.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify('error' in result ? { error: result.error } : { received: true }));
};
