import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paymentPurposes, type PaymentPurpose } from '@vitrine/contracts';
import { BadUserInput, Conflict, NotFound, isUuid, scheduleTimer, storeNow } from '@vitrine/platform';
import { describeFailure } from '../domain/failure-reasons.js';
import { paidTowards } from '../domain/order-position.js';
import { amountToCollect, purposeLabels, type OrderFacts } from '../domain/payment-purpose.js';
import { callProvider, type PaymentsRuntime } from '../config/payments-runtime.js';
import { ProviderUnavailable } from '../providers/payment-provider.js';
import { orderTransactions } from '../store/ledger-book.js';
import { schemaOf, toDate, type Row } from '../store/sql.js';
import { paymentRequestFor, resolveLapsedAttempt, runAttempt, throwIfUnavailable } from './attempt.js';
import { checkIdempotencyKey, runIdempotently } from './idempotent.js';
import { abandonedAttemptTimer, failIntent } from './intent-updates.js';
import { lockOrders } from './order-money.js';
import { cancelProviderPaymentTimer } from './stored-method-charges.js';
import { loadIntentView, type PaymentIntentView } from './views.js';

export interface PayCommand {
  customerId: string;
  orderIds: string[];
  method: { token: string } | { savedPaymentMethodId: string };
  savePaymentMethod: boolean;
  /** Needed only when the orders owe for several purposes at once. */
  purpose: PaymentPurpose | null;
  idempotencyKey: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const maxOrdersPerPayment = 20;
export const maxTokenLength = 200;

/**
 * The signed-in customer pays what their orders owe: one order, or several
 * orders' balances in one bulk charge. The amount comes from orders' dues
 * (`amountToCollect`), never from the client. Once per idempotency key
 * (Stripe's semantics, see runIdempotently); two payments for the same dues
 * run one after the other, so the second finds them paid (CONFLICT
 * ALREADY_PAID) instead of charging again.
 */
export async function pay(em: EntityManager, runtime: PaymentsRuntime, command: PayCommand): Promise<PaymentIntentView> {
  checkPayInput(command);
  checkIdempotencyKey(command.idempotencyKey);
  const orderIds = command.orderIds.map((id) => id.toLowerCase());
  // Not an answer to store: the due may still be on its way, and someone else's order is reported as missing.
  await waitForDues(em, command.customerId, orderIds, runtime.settings.PAYMENTS_DUE_WAIT_MS);
  const params = { orderIds, method: command.method, savePaymentMethod: command.savePaymentMethod, purpose: command.purpose };
  // Named before the key is claimed, and recorded with it: a take-over finds the intent by it (or opens it, if the
  // run it takes over died before).
  const newIntentId = randomUUID();
  const request = { scope: command.customerId, key: command.idempotencyKey, operation: 'pay', params, unordered: ['orderIds'], resourceId: newIntentId };
  return runIdempotently(em, request, async (run) => {
    const intentId = run.resumeId ?? newIntentId;
    const earlier: Row | undefined =
      run.resumeId === null ? undefined : (await em.fork().execute<Row[]>(`select * from ${schemaOf(em)}.payment_intent where id = ?`, [run.resumeId]))[0];
    // A new intent comes back as stored; one an earlier run of the key created is as it left it.
    const intent = earlier ?? (await openIntent(em, runtime, { ...command, orderIds }, intentId));
    if (intent.status === 'REQUIRES_PAYMENT_METHOD') {
      const fork = em.fork();
      const prepared = await paymentRequestFor(fork, runtime, intent).catch((err: unknown) => {
        // The provider customer a saved card needs did not answer: the payment was never sent, nothing was charged.
        if (err instanceof ProviderUnavailable) return new ProviderUnavailable(err.message, false);
        throw err;
      });
      if ('missingMethod' in prepared) {
        // The card was removed since the intent opened: never sent, so failed now (no later resend may charge it).
        await fork.transactional((tx) => failIntent(tx, intentId, describeFailure(null)));
        throw new NotFound('Payment method', 'savedPaymentMethodId' in command.method ? command.method.savedPaymentMethodId : '');
      }
      const send = () =>
        prepared instanceof ProviderUnavailable
          ? Promise.reject(prepared)
          : callProvider(runtime, 'create payment', (p) => p.createPayment(prepared.request, prepared.key));
      throwIfUnavailable(await runAttempt(fork, runtime, intentId, send));
    }
    return (await loadIntentView(em.fork(), intentId))!;
  });
}

export function checkPayInput(command: Pick<PayCommand, 'orderIds'> & Partial<Pick<PayCommand, 'method'>>): void {
  const problems = [];
  if (command.orderIds.length === 0 || command.orderIds.length > maxOrdersPerPayment) {
    problems.push({ field: 'orderIds', reason: 'OUT_OF_RANGE', message: `Pay for between 1 and ${maxOrdersPerPayment} orders at a time.` });
  }
  const bad = command.orderIds.find((id) => !isUuid(id));
  if (bad !== undefined) problems.push({ field: 'orderIds', reason: 'MALFORMED_ID', message: `"${bad.slice(0, 64)}" is not a valid order id.` });
  if (command.method && 'token' in command.method && (command.method.token.length === 0 || command.method.token.length > maxTokenLength)) {
    problems.push({ field: 'paymentMethod.token', reason: 'OUT_OF_RANGE', message: `A payment token has 1 to ${maxTokenLength} characters.` });
  }
  if (command.method && 'savedPaymentMethodId' in command.method && !isUuid(command.method.savedPaymentMethodId)) {
    problems.push({ field: 'paymentMethod.savedPaymentMethodId', reason: 'MALFORMED_ID', message: 'Not a valid payment method id.' });
  }
  if (problems.length > 0) throw new BadUserInput('Please check the payment details.', problems);
}

/**
 * The customer usually pays right after seeing their order waiting for
 * payment; orders' PaymentDue may be a few ms behind, for a first due as for a
 * balance after a deposit paid. Waits (bounded) for every order to have an
 * open due of this customer's, or a waived one, or to be closed (nothing will
 * open: refused at once). At the bound, an order with no due of theirs at all is NOT_FOUND
 * (an order of someone else's waits the same and reads the same as an
 * unknown one); one whose dues are all settled goes on, to be refused for
 * what it is (already paid).
 */
export async function waitForDues(em: EntityManager, customerId: string, orderIds: readonly string[], waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  const unique = [...new Set(orderIds)];
  const s = schemaOf(em);
  const payable = ` and (d.state in ('OPEN', 'WAIVED') or exists (select 1 from ${s}.known_order k where k.id = d.order_id and k.closed_at is not null))`;
  const withDues = async (openOnly: boolean) =>
    (
      await em
        .fork()
        .execute<{ order_id: string }[]>(
          `select distinct order_id from ${s}.payment_due d where d.customer_id = ? and d.order_id in (?)${openOnly ? payable : ''}`,
          [customerId, unique],
        )
    ).map((r) => r.order_id);
  for (;;) {
    const open = await withDues(true);
    if (unique.every((id) => open.includes(id))) return;
    if (Date.now() >= deadline) break;
    await sleep(Math.min(100, Math.max(10, deadline - Date.now())));
  }
  const known = await withDues(false);
  const missing = unique.find((id) => !known.includes(id));
  if (missing) throw new NotFound('Order', missing);
}

/**
 * Opens the intent, in one short transaction with the orders locked: waits
 * while another attempt on the same orders is at the provider, refuses while
 * one is processing, asks the provider about one whose process died at it,
 * computes the amount, gives up earlier attempts waiting on the customer
 * (they would charge a second time), then records the new intent and its
 * allocations to the dues, under the id pay named when it claimed its key.
 * Returns the intent as stored.
 */
async function openIntent(em: EntityManager, runtime: PaymentsRuntime, command: PayCommand, intentId: string): Promise<Row> {
  const s = schemaOf(em);
  const deadline = Date.now() + runtime.settings.PAYMENTS_PROVIDER_TIMEOUT_MS + 5_000;
  for (;;) {
    const opened = await em.fork().transactional(async (tx): Promise<{ intent: Row } | { lapsed: Row[] } | null> => {
      const orders = await lockOrders(tx, command.orderIds);
      const dues = await tx.execute<Row[]>(`select * from ${s}.payment_due where order_id in (?) order by created_at, id for update`, [command.orderIds]);
      const attempts = await tx.execute<Row[]>(
        `select * from ${s}.payment_intent where id in (select intent_id from ${s}.payment_allocation where order_id in (?))
           and status in ('REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'REQUIRES_CAPTURE', 'FAILED') order by id for update`,
        [command.orderIds],
      );
      if (attempts.some((a) => a.status === 'PROCESSING' || a.status === 'REQUIRES_CAPTURE')) {
        throw new Conflict('A payment for this order is already being processed. You will be told when it completes; please do not pay again.', {
          rule: 'PAYMENT_IN_PROGRESS',
        });
      }
      if (attempts.some((a) => a.status === 'REQUIRES_PAYMENT_METHOD' && a.in_flight_until && toDate(a.in_flight_until)!.getTime() > Date.now())) return null;
      // Its lease lapsed with no answer applied: the provider may have charged. Asked first, never given up blind.
      const lapsed = attempts.filter((a) => a.status === 'REQUIRES_PAYMENT_METHOD' && a.in_flight_until);
      if (lapsed.length > 0) return { lapsed };

      const purpose = command.purpose ?? choosePurpose(dues);
      const facts = orderFactsOf(command.customerId, command.orderIds, orders, dues);
      const collection = amountToCollect({ purpose, orderIds: command.orderIds }, facts, paidTowards(await orderTransactions(tx, command.orderIds)));

      let savedMethod: Row | undefined;
      if ('savedPaymentMethodId' in command.method) {
        [savedMethod] = await tx.execute<Row[]>(`select * from ${s}.payment_method where id = ? and customer_id = ? and removed_at is null`, [
          command.method.savedPaymentMethodId.toLowerCase(),
          command.customerId,
        ]);
        if (!savedMethod) throw new NotFound('Payment method', command.method.savedPaymentMethodId);
      }
      for (const earlier of attempts) {
        await tx.execute(`update ${s}.payment_intent set status = 'CANCELLED', next_action = null, in_flight_until = null, updated_at = now() where id = ?`, [
          earlier.id,
        ]);
        if (earlier.status === 'REQUIRES_ACTION' && earlier.provider_payment_id) {
          await scheduleTimer(tx, {
            kind: cancelProviderPaymentTimer,
            key: earlier.id,
            dueAt: storeNow(),
            payload: { providerPaymentId: earlier.provider_payment_id },
          });
        }
      }

      const inFlightUntil = new Date(Date.now() + runtime.settings.PAYMENTS_PROVIDER_TIMEOUT_MS + 2_000);
      const allocations = collection.parts.flatMap((part) =>
        allocate(
          part,
          dues.filter((d) => d.order_id === part.orderId && d.purpose === collection.purpose),
        ).map((a) => [randomUUID(), intentId, a.dueId, part.orderId, a.product, a.shipping, a.product + a.shipping]),
      );
      // The intent and its allocations in one statement.
      const allocated =
        allocations.length === 0
          ? ''
          : `, allocated as (
               insert into ${s}.payment_allocation (id, intent_id, due_id, order_id, product, shipping, amount)
               values ${allocations.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
             )`;
      const [intent] = await tx.execute<Row[]>(
        `with opened as (
           insert into ${s}.payment_intent (id, customer_id, purpose, amount, currency, status, provider, payment_method_id, method_token, method_label,
             save_method, initiated_by, attempts, in_flight_until, created_at, updated_at)
           values (?, ?, ?, ?, ?, 'REQUIRES_PAYMENT_METHOD', ?, ?, ?, ?, ?, 'CUSTOMER', 1, ?, now(), now())
           returning *
         )${allocated}
         select * from opened`,
        [
          intentId,
          command.customerId,
          collection.purpose,
          collection.amount,
          collection.currency,
          runtime.provider.name,
          savedMethod?.id ?? null,
          'token' in command.method ? command.method.token : null,
          savedMethod ? `${savedMethod.brand} ${savedMethod.last4}` : null,
          command.savePaymentMethod && 'token' in command.method,
          inFlightUntil,
          ...allocations.flat(),
        ],
      );
      // Should this process die before the answer is applied, the provider is asked again after the lease (resolveLapsedAttempt).
      await scheduleTimer(tx, {
        kind: abandonedAttemptTimer,
        key: intentId,
        dueAt: new Date(storeNow().getTime() + (inFlightUntil.getTime() - Date.now()) + runtime.settings.PAYMENTS_RECHECK_AFTER_MS),
      });
      return { intent: intent! };
    });
    if (opened && 'intent' in opened) return opened.intent;
    if (opened) {
      // Outside the lock (the provider is called); the next round sees what each turned out to be.
      for (const attempt of opened.lapsed) await resolveLapsedAttempt(em.fork(), runtime, attempt);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Conflict('Another payment for this order is under way. Please wait a moment and check the order before paying again.', {
        rule: 'PAYMENT_IN_PROGRESS',
      });
    }
    await sleep(25);
  }
}

/** The orders' facts `amountToCollect` reads, from payments' rows: only this customer's orders (anyone else's is NOT_FOUND). */
export function orderFactsOf(customerId: string, orderIds: readonly string[], orders: readonly Row[], dues: readonly Row[]): OrderFacts[] {
  return orderIds.map((orderId) => {
    const order = orders.find((o) => o.id === orderId && o.customer_id === customerId);
    if (!order) throw new NotFound('Order', orderId);
    return {
      orderId,
      status: (order.status ?? 'PAYMENT_DUE') as OrderFacts['status'],
      currency: order.currency,
      dues: dues
        .filter((d) => d.order_id === orderId && d.state !== 'VOID')
        .map((d) => ({ purpose: d.purpose, product: Number(d.goods), shipping: Number(d.shipping), dueAt: toDate(d.due_at), waived: d.state === 'WAIVED' })),
    };
  });
}

/** The purpose the customer is paying: the one their open dues share (they must say which when there are several). */
export function choosePurpose(dues: Row[]): PaymentPurpose {
  const open = [...new Set(dues.filter((d) => d.state === 'OPEN').map((d) => d.purpose as PaymentPurpose))];
  if (open.length === 1) return open[0]!;
  if (open.length === 0) return (dues.at(-1)?.purpose ?? 'BALANCE') as PaymentPurpose;
  const names = open.sort((a, b) => paymentPurposes.indexOf(a) - paymentPurposes.indexOf(b));
  const message = `These orders owe several payments (${names.map((p) => purposeLabels[p]).join(', ')}): choose which to pay.`;
  throw new BadUserInput(message, [{ field: 'purpose', reason: 'PURPOSE_REQUIRED', message }]);
}

/** One order's share split over its open dues of the purpose, oldest first (the last takes any rest). */
function allocate(part: { product: number; shipping: number }, dues: Row[]): { dueId: string; product: number; shipping: number }[] {
  const open = dues.filter((d) => d.state === 'OPEN');
  const targets = open.length > 0 ? open : dues.slice(-1);
  let product = part.product;
  let shipping = part.shipping;
  const out = targets.map((due, i) => {
    const last = i === targets.length - 1;
    const p = last ? product : Math.min(product, Number(due.goods));
    const sh = last ? shipping : Math.min(shipping, Number(due.shipping));
    product -= p;
    shipping -= sh;
    return { dueId: due.id as string, product: p, shipping: sh };
  });
  return out.filter((a) => a.product + a.shipping > 0);
}
