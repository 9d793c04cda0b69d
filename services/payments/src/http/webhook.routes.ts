import type { HttpRoute } from '@vitrine/platform';
import { BodyTooLarge, readBody } from '@vitrine/platform/http';
import type { ProviderName } from '../providers/payment-provider.js';
import { receiveWebhook } from '../use-cases/webhooks.js';

/** Provider events are small; anything bigger is not one. */
const maxWebhookBytes = 256 * 1024;

/** `POST /webhooks/<provider>`: the raw body (signatures cover its exact bytes), verified and applied once. */
function webhookRoute(provider: ProviderName): HttpRoute {
  return async (req, res, { orm }) => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    let body: string;
    try {
      body = await readBody(req, maxWebhookBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) return void res.writeHead(413).end();
      throw err;
    }
    const result = await receiveWebhook(orm, provider, body, req.headers);
    res.writeHead(result.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify('outcome' in result ? { received: true, outcome: result.outcome } : { error: result.error }));
  };
}

export const sandboxWebhookRoute = webhookRoute('sandbox');
export const stripeWebhookRoute = webhookRoute('stripe');
