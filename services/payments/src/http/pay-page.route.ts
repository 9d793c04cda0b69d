import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DomainError, storeNow, type HttpRoute } from '@vitrine/platform';
import { BodyTooLarge, readBody } from '@vitrine/platform/http';
import { describeFailure } from '../domain/failure-reasons.js';
import { verifyPayLink, type PayLinkClaims } from '../domain/pay-link.js';
import type { PaymentPurpose } from '../domain/payment-purpose.js';
import { runtimeOf, type PaymentsRuntime } from '../config/payments-runtime.js';
import { ProviderRejected, ProviderUnavailable } from '../providers/payment-provider.js';
import { readCard } from '../providers/sandbox/sandbox-cards.js';
import { schemaOf, toDate, type Row } from '../store/sql.js';
import { confirmPayment } from '../use-cases/confirm-payment.js';
import { pay } from '../use-cases/pay.js';
import { loadIntentView, type PaymentIntentView } from '../use-cases/views.js';
import { confirmForm, outcomePage, payForm, type DueLine } from './pay-page.html.js';

const headers = {
  'content-type': 'text/html; charset=utf-8',
  // The link carries its token: no referrer, no caching, no framing, nothing loaded from elsewhere.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const send = (res: ServerResponse, status: number, html: string) => void res.writeHead(status, headers).end(html);

const linkProblems = {
  MALFORMED: 'This payment link is not valid. Please use the link from your email or your order page.',
  BAD_SIGNATURE: 'This payment link is not valid. Please use the link from your email or your order page.',
  EXPIRED: 'This payment link has expired. Your order page has a fresh one.',
} as const;

function claimsOf(token: string | null, runtime: PaymentsRuntime): { ok: true; claims: PayLinkClaims } | { ok: false; message: string } {
  const check = verifyPayLink(token ?? '', runtime.settings.PAYMENTS_PAY_LINK_SECRET, storeNow());
  return check.ok ? check : { ok: false, message: linkProblems[check.reason] };
}

/** The link's dues (this customer's only) and those still open, as the page lists them. */
async function linkDues(orm: MikroORM, claims: PayLinkClaims): Promise<{ dues: Row[]; lines: DueLine[] }> {
  const em = orm.em.fork();
  const dues = await em.execute<Row[]>(`select * from ${schemaOf(em)}.payment_due where id in (?) and customer_id = ? order by created_at, id`, [
    claims.dueIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    claims.customerId,
  ]);
  const lines = dues
    .filter((d) => d.state === 'OPEN')
    .map((d) => ({ orderId: d.order_id, purpose: d.purpose, amount: Number(d.amount), currency: d.currency, dueAt: toDate(d.due_at) }));
  return { dues, lines };
}

/** Why a link has nothing to pay. */
function nothingToPay(dues: Row[]): { title: string; message: string } {
  if (dues.some((d) => d.state === 'SETTLED')) return { title: 'Already paid', message: 'This is already paid. Thank you!' };
  return { title: 'Nothing to pay', message: 'There is nothing to pay on this link any more (the order may have been cancelled).' };
}

function resultPage(res: ServerResponse, view: PaymentIntentView, token: string, lines: DueLine[], sandbox: boolean): void {
  switch (view.status) {
    case 'SUCCEEDED':
      return send(res, 200, outcomePage('Thank you', 'Your payment went through. A confirmation is on its way by email.'));
    case 'PROCESSING':
      return send(
        res,
        202,
        outcomePage('Payment processing', 'Your payment is being processed. We will email you as soon as it completes; please do not pay again.'),
      );
    case 'REQUIRES_ACTION':
      return send(res, 200, confirmForm({ token, formKey: randomUUID(), intentId: view.id }));
    default:
      return send(res, 402, payForm({ token, formKey: randomUUID(), lines, sandbox, error: view.failure?.message ?? describeFailure(null).message }));
  }
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req, 16 * 1024));
}

/**
 * The hosted "pay now" page, reached through the signed link in balance-due
 * and arrival emails (or `Order.payNowUrl`): GET shows what is due with a
 * card form; POST hands the card to the sandbox provider (which keeps its
 * brand and last four digits, never the number) and pays the link's dues as
 * the customer it names, under the form's idempotency key (a double submit
 * charges once); the bank's confirmation step follows on /pay/confirm.
 */
export const payPageRoute: HttpRoute = (req, res, { orm }) =>
  handle(res, async () => {
    const runtime = runtimeOf(orm);
    if (req.method === 'GET' || req.method === 'HEAD') {
      const link = claimsOf(new URL(req.url ?? '/', 'http://payments').searchParams.get('t'), runtime);
      if (!link.ok) return send(res, 400, outcomePage('Payment link', link.message, 'error'));
      const { dues, lines } = await linkDues(orm, link.claims);
      if (lines.length === 0) {
        const why = nothingToPay(dues);
        return send(res, 200, outcomePage(why.title, why.message));
      }
      const formKey = randomUUID();
      return send(res, 200, payForm({ token: new URL(req.url!, 'http://payments').searchParams.get('t')!, formKey, lines, sandbox: runtime.sandbox !== null }));
    }
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST' }).end();
    const fields = await form(req);
    const token = fields.get('t') ?? '';
    const link = claimsOf(token, runtime);
    if (!link.ok) return send(res, 400, outcomePage('Payment link', link.message, 'error'));
    // Nothing open is not the end: the same form sent twice gets its first answer back (pay replays it under the form's key).
    const { dues, lines } = await linkDues(orm, link.claims);
    if (dues.length === 0) return send(res, 200, outcomePage('Nothing to pay', nothingToPay(dues).message));
    const again = (status: number, error: string) =>
      send(res, status, payForm({ token, formKey: randomUUID(), lines, sandbox: runtime.sandbox !== null, error }));
    if (!runtime.sandbox) return again(400, 'Card entry on this page needs the sandbox provider.');
    const card = readCard(
      { number: fields.get('number') ?? '', expMonth: fields.get('exp_month') ?? '', expYear: fields.get('exp_year') ?? '', cvc: fields.get('cvc') ?? '' },
      new Date(),
    );
    if (!card.ok) return again(422, describeFailure(card.code).message);
    const formKey = fields.get('k') ?? '';
    let paymentToken: string;
    try {
      paymentToken = await runtime.sandbox.tokenizeCard(card.card, formKey.slice(0, 200));
    } catch (err) {
      if (err instanceof ProviderUnavailable) return again(503, describeFailure('try_again_later').message);
      if (err instanceof ProviderRejected) return again(409, 'This form was already sent with another card. Please enter the card again.');
      throw err;
    }
    const view = await pay(orm.em.fork(), runtime, {
      customerId: link.claims.customerId,
      orderIds: [...new Set(dues.map((d) => d.order_id as string))],
      method: { token: paymentToken },
      savePaymentMethod: false,
      purpose: dues[0]!.purpose as PaymentPurpose,
      idempotencyKey: formKey,
    });
    resultPage(res, view, token, lines, true);
  });

/** `POST /pay/confirm`: the bank's confirmation step for a payment made on the page. */
export const payConfirmRoute: HttpRoute = (req, res, { orm }) =>
  handle(res, async () => {
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    const runtime = runtimeOf(orm);
    const fields = await form(req);
    const token = fields.get('t') ?? '';
    const link = claimsOf(token, runtime);
    if (!link.ok) return send(res, 400, outcomePage('Payment link', link.message, 'error'));
    const intentId = fields.get('intent') ?? '';
    const intent = /^[0-9a-f-]{36}$/i.test(intentId) ? await loadIntentView(orm.em.fork(), intentId) : null;
    // The link speaks for its own dues only.
    if (!intent || intent.customerId !== link.claims.customerId || !intent.allocations.every((a) => link.claims.orderIds.includes(a.orderId))) {
      return send(res, 404, outcomePage('Payment', 'This payment was not found.', 'error'));
    }
    const view = await confirmPayment(orm.em.fork(), runtime, { customerId: link.claims.customerId, intentId, idempotencyKey: fields.get('k') ?? '' });
    resultPage(res, view, token, (await linkDues(orm, link.claims)).lines, true);
  });

/** Coded refusals become a page saying so; a body too large is a 413; anything else is a bug for the server's own handler. */
async function handle(res: ServerResponse, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof BodyTooLarge) return void res.writeHead(413).end();
    if (err instanceof DomainError) {
      const status = err.code === 'CONFLICT' ? 409 : err.code === 'NOT_FOUND' ? 404 : err.code === 'SERVICE_UNAVAILABLE' ? 503 : 422;
      const title = err.details.rule === 'ALREADY_PAID' ? 'Already paid' : 'Payment not made';
      return send(res, status, outcomePage(title, err.message, err.details.rule === 'ALREADY_PAID' ? 'ok' : 'error'));
    }
    throw err;
  }
}
