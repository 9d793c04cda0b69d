import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DomainError, storeNow, type HttpRoute } from '@vitrine/platform';
import { BodyTooLarge, readBody } from '@vitrine/platform/http';
import { describeFailure } from '../domain/failure-reasons.js';
import { checkReturnUrl, payPageLocale } from '../domain/return-address.js';
import { verifyPayLink, type PayLinkClaims } from '../domain/pay-link.js';
import type { PaymentPurpose } from '../domain/payment-purpose.js';
import { runtimeOf, type PaymentsRuntime } from '../config/payments-runtime.js';
import { ProviderRejected, ProviderUnavailable } from '../providers/payment-provider.js';
import { readCard } from '../providers/sandbox/sandbox-cards.js';
import { schemaOf, toDate, type Row } from '../store/sql.js';
import { confirmPayment } from '../use-cases/confirm-payment.js';
import { pay } from '../use-cases/pay.js';
import { loadIntentView, type PaymentIntentView } from '../use-cases/views.js';
import { confirmForm, outcomePage, payForm, type DueLine, type PageSettings } from './pay-page.html.js';
import { payPageWords, type PayPageWords } from './pay-page.words.js';

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

/** What the page is asked besides the token: its language and where to send the customer back (GET query or POST form). */
interface PageRequest {
  settings: PageSettings;
  words: PayPageWords;
  /** The accepted return address, passed on to the next page (a refused one is not repeated anywhere). */
  returnParam: string | null;
}

function pageRequest(params: URLSearchParams, runtime: PaymentsRuntime): PageRequest {
  const locale = payPageLocale(params.get('lang'));
  const returnParam = params.get('return');
  // An address outside the allowlist is never linked (no open redirect): the page says it shows no way back instead.
  const check = returnParam ? checkReturnUrl(returnParam, runtime.settings.PAYMENTS_RETURN_ORIGINS) : null;
  const settings = { locale, returnUrl: check?.ok ? check.url : null, returnRefused: check !== null && !check.ok };
  return { settings, words: payPageWords[locale ?? 'en'], returnParam: settings.returnUrl };
}

function claimsOf(token: string | null, runtime: PaymentsRuntime, words: PayPageWords): { ok: true; claims: PayLinkClaims } | { ok: false; message: string } {
  const check = verifyPayLink(token ?? '', runtime.settings.PAYMENTS_PAY_LINK_SECRET, storeNow());
  return check.ok ? check : { ok: false, message: check.reason === 'EXPIRED' ? words.linkExpired : words.linkInvalid };
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
function nothingToPay(dues: Row[], words: PayPageWords): { title: string; message: string } {
  if (dues.some((d) => d.state === 'WAIVED')) return { title: words.waivedTitle, message: words.waived };
  if (dues.some((d) => d.state === 'SETTLED')) return { title: words.alreadyPaidTitle, message: words.alreadyPaid };
  return { title: words.nothingTitle, message: words.nothing };
}

function resultPage(res: ServerResponse, view: PaymentIntentView, token: string, lines: DueLine[], sandbox: boolean, asked: PageRequest): void {
  const { settings, words, returnParam } = asked;
  switch (view.status) {
    case 'SUCCEEDED':
      return send(res, 200, outcomePage(words.thankYou, words.wentThrough, 'ok', settings));
    case 'PROCESSING':
      return send(res, 202, outcomePage(words.processingTitle, words.processing, 'ok', settings));
    case 'REQUIRES_ACTION':
      return send(res, 200, confirmForm({ token, formKey: randomUUID(), intentId: view.id, settings, returnParam }));
    default: {
      const error = words.failure[view.failure?.kind ?? describeFailure(null).kind];
      return send(res, 402, payForm({ token, formKey: randomUUID(), lines, sandbox, error, settings, returnParam }));
    }
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
export const payPageRoute: HttpRoute = async (req, res, { orm }) => {
  const runtime = runtimeOf(orm);
  if (req.method === 'GET' || req.method === 'HEAD') {
    const query = new URL(req.url ?? '/', 'http://payments').searchParams;
    const asked = pageRequest(query, runtime);
    return handle(res, asked, async () => {
      const { settings, words, returnParam } = asked;
      const link = claimsOf(query.get('t'), runtime, words);
      if (!link.ok) return send(res, 400, outcomePage(words.linkTitle, link.message, 'error', settings));
      const { dues, lines } = await linkDues(orm, link.claims);
      if (lines.length === 0) {
        const why = nothingToPay(dues, words);
        return send(res, 200, outcomePage(why.title, why.message, 'ok', settings));
      }
      return send(res, 200, payForm({ token: query.get('t')!, formKey: randomUUID(), lines, sandbox: runtime.sandbox !== null, settings, returnParam }));
    });
  }
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST' }).end();
  return withForm(req, res, runtime, async (fields, asked) => {
    const { settings, words, returnParam } = asked;
    const token = fields.get('t') ?? '';
    const link = claimsOf(token, runtime, words);
    if (!link.ok) return send(res, 400, outcomePage(words.linkTitle, link.message, 'error', settings));
    // Nothing open is not the end: the same form sent twice gets its first answer back (pay replays it under the form's key).
    const { dues, lines } = await linkDues(orm, link.claims);
    if (dues.length === 0) return send(res, 200, outcomePage(words.nothingTitle, nothingToPay(dues, words).message, 'ok', settings));
    const again = (status: number, error: string) =>
      send(res, status, payForm({ token, formKey: randomUUID(), lines, sandbox: runtime.sandbox !== null, error, settings, returnParam }));
    if (!runtime.sandbox) return again(400, words.cardEntryNeedsSandbox);
    const card = readCard(
      { number: fields.get('number') ?? '', expMonth: fields.get('exp_month') ?? '', expYear: fields.get('exp_year') ?? '', cvc: fields.get('cvc') ?? '' },
      new Date(),
    );
    if (!card.ok) return again(422, words.failure[describeFailure(card.code).kind]);
    const formKey = fields.get('k') ?? '';
    let paymentToken: string;
    try {
      paymentToken = await runtime.sandbox.tokenizeCard(card.card, formKey.slice(0, 200));
    } catch (err) {
      if (err instanceof ProviderUnavailable) return again(503, words.failure[describeFailure('try_again_later').kind]);
      if (err instanceof ProviderRejected) return again(409, words.formSentWithAnotherCard);
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
    resultPage(res, view, token, lines, true, asked);
  });
};

/** `POST /pay/confirm`: the bank's confirmation step for a payment made on the page. */
export const payConfirmRoute: HttpRoute = async (req, res, { orm }) => {
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  const runtime = runtimeOf(orm);
  return withForm(req, res, runtime, async (fields, asked) => {
    const { settings, words } = asked;
    const token = fields.get('t') ?? '';
    const link = claimsOf(token, runtime, words);
    if (!link.ok) return send(res, 400, outcomePage(words.linkTitle, link.message, 'error', settings));
    const intentId = fields.get('intent') ?? '';
    const intent = /^[0-9a-f-]{36}$/i.test(intentId) ? await loadIntentView(orm.em.fork(), intentId) : null;
    // The link speaks for its own dues only.
    if (!intent || intent.customerId !== link.claims.customerId || !intent.allocations.every((a) => link.claims.orderIds.includes(a.orderId))) {
      return send(res, 404, outcomePage(words.paymentTitle, words.paymentNotFound, 'error', settings));
    }
    const view = await confirmPayment(orm.em.fork(), runtime, { customerId: link.claims.customerId, intentId, idempotencyKey: fields.get('k') ?? '' });
    resultPage(res, view, token, (await linkDues(orm, link.claims)).lines, true, asked);
  });
};

/** Reads the posted form (a body too large is a 413), then runs `work` with the page's language and return address. */
async function withForm(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: PaymentsRuntime,
  work: (fields: URLSearchParams, asked: PageRequest) => Promise<void>,
): Promise<void> {
  let fields: URLSearchParams;
  try {
    fields = await form(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) return void res.writeHead(413).end();
    throw err;
  }
  const asked = pageRequest(fields, runtime);
  return handle(res, asked, () => work(fields, asked));
}

/** Coded refusals become a page saying so (with the way back to the store); anything else is a bug for the server's own handler. */
async function handle(res: ServerResponse, asked: PageRequest, work: () => Promise<void>): Promise<void> {
  const { settings, words } = asked;
  try {
    await work();
  } catch (err) {
    if (err instanceof DomainError) {
      const status = err.code === 'CONFLICT' ? 409 : err.code === 'NOT_FOUND' ? 404 : err.code === 'SERVICE_UNAVAILABLE' ? 503 : 422;
      // Already paid (another tab, a second submission): good news, in the page's language.
      if (err.details.rule === 'ALREADY_PAID') return send(res, status, outcomePage(words.alreadyPaidTitle, words.alreadyPaid, 'ok', settings));
      // An extra shipping invoice the store waived: nothing to pay, said in the page's language.
      if (err.details.rule === 'DUE_WAIVED') return send(res, status, outcomePage(words.waivedTitle, words.waived, 'ok', settings));
      return send(res, status, outcomePage(words.paymentNotMade, err.message, 'error', settings));
    }
    throw err;
  }
}
