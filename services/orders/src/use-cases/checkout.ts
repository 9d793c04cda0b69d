import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderPlacedV1, shippingAddressSchema, type PaymentPlanKind, type ShippingAddress } from '@vitrine/contracts';
import { BadUserInput, Conflict, isUuid, OutboxMessage, PolicyViolation, rowsOf, storeNow, writeRows, type FieldProblem } from '@vitrine/platform';
import { splitCart, type OrderGroup } from '../domain/cart-split.js';
import { overCustomerLimit } from '../domain/customer-limit.js';
import { draftOrder, type DraftLine, type RequestedLine } from '../domain/draft-order.js';
import { fingerprintOrderRequest, isValidIdempotencyKey } from '../domain/idempotency.js';
import { defaultOrderLimits } from '../domain/order-limits.js';
import { orderTerms, type OrderTerms, type PaymentChoice } from '../domain/payment-terms.js';
import { estimateShipping, regionUnknownMessage } from '../domain/shipping-estimate.js';
import { orders } from '../identity.js';
import { Checkout } from '../store/checkout.entity.js';
import { KnownPaymentMethod } from '../store/known-payment-method.entity.js';
import { OrderLine, type OrderLineFields } from '../store/order-line.entity.js';
import { Order, type OrderFields } from '../store/order.entity.js';
import { ShippingRateCard } from '../store/shipping-rate-card.entity.js';
import { readCheckoutContext, type CheckoutContext, type CheckoutProduct } from './checkout-context.js';
import { ensureMayPlaceOrders } from './customer-standing.js';
import { readCheckoutOrders, type OrderRead } from './read-orders.js';
import { policyVersion } from './store-policies.js';

const ordersSchema = orders.dbSchema;

export interface CheckoutCommand {
  customerId: string;
  lines: RequestedLine[];
  shippingAddress: unknown;
  /** A method of logistics' rate card; null: shipping is quoted when the parcel is packed (placeOrder). */
  shippingMethod: string | null;
  paymentChoice: PaymentChoice | null;
  /** A stored payment method (payments) for charge-at-ship preorders. */
  paymentMethodId: string | null;
  idempotencyKey: string;
  /** placeOrder keeps refusing a cart mixing preorders and items in stock; checkout splits it. */
  mixed: 'refuse' | 'split';
}

export interface PlannedOrder {
  group: OrderGroup;
  goodsTotal: number;
  shipping: { amount: number; method: string | null; rateCardVersion: number | null };
  terms: OrderTerms;
}

/**
 * Checks a cart out once per idempotency key: one order for the items in
 * stock and one per preordered product, each under the policy version in
 * force, its campaign's plan, its prices, down payments and shipping
 * estimate, the address and the customer's region; every order and its
 * OrderPlaced are written together, in one statement. Catalog then holds the
 * units; what is due at order is announced once they are held. Nothing is
 * written when any part of the cart is refused; every problem is reported at once.
 */
export async function checkout(em: EntityManager, command: CheckoutCommand): Promise<OrderRead[]> {
  if (!isValidIdempotencyKey(command.idempotencyKey)) {
    throw new BadUserInput('The idempotency key must be 8-200 letters, digits or . _ : - characters (a UUID is ideal).', [
      { field: 'idempotencyKey', reason: 'INVALID_IDEMPOTENCY_KEY', message: 'Use a fresh UUID per checkout attempt.' },
    ]);
  }
  const fingerprint = fingerprintOrderRequest(command.customerId, command.lines, {
    shippingAddress: command.shippingAddress ?? null,
    shippingMethod: command.shippingMethod,
    paymentChoice: command.paymentChoice,
    paymentMethodId: command.paymentMethodId,
  });
  try {
    // What the checkout reads (the key's earlier use, flags, region and policy in one statement, then products) and
    // what it writes share one transaction: one commit per checkout instead of one per read.
    return await em.transactional((tx) => placeCheckout(tx, command, fingerprint));
  } catch (err) {
    // A concurrent request with the same key won the insert: answer as a retry would be answered.
    if (err instanceof UniqueConstraintViolationException) {
      const winner = await findCheckout(em.fork(), command.customerId, command.idempotencyKey);
      if (winner) return replay(em.fork(), winner, fingerprint);
    }
    throw err;
  }
}

/** What a cart would become: the same reads and checks as a checkout, nothing written (checkoutPreview). */
export interface PreviewCommand {
  customerId: string;
  lines: RequestedLine[];
  shippingMethod: string;
  paymentChoice: PaymentChoice | null;
}

export interface CheckoutPreview {
  policyVersion: number;
  currency: string;
  orders: PlannedOrder[];
}

/**
 * The orders a checkout of this cart would place now, each with its plan, what it pays at order and its shipping
 * estimate, from the very rules checkout applies; refused exactly as checkout would refuse it (customer limits
 * included), except that a preorder charged when it ships does not need its saved card yet. Nothing is written or
 * held: the stock and the terms may still change before the checkout.
 */
export async function previewCheckout(em: EntityManager, command: PreviewCommand): Promise<CheckoutPreview> {
  return em.transactional(async (tx) => {
    const context = await readCheckoutContext(tx, command.customerId, null, cartProductIds(command.lines));
    const request = { ...command, shippingAddress: null, paymentMethodId: null, mixed: 'split' as const };
    const plan = await planCheckout(tx, request, context, { needsPaymentMethod: false });
    await holdWithinCustomerLimits(tx, command.customerId, plan.draft.lines, plan.known);
    return { policyVersion: plan.version, currency: plan.draft.currency, orders: plan.planned };
  });
}

type PlanRequest = Omit<CheckoutCommand, 'idempotencyKey'>;

/** Everything a checkout decides before it writes: the cart split into orders, each priced under the policy in force. */
async function planCheckout(em: EntityManager, command: PlanRequest, context: CheckoutContext, options: { needsPaymentMethod: boolean }) {
  ensureMayPlaceOrders(context);
  const { flags, country, policyVersion: version } = context;

  const known = context.products;
  const draft = draftOrder(command.lines, known, defaultOrderLimits, { country }, { mixed: command.mixed });
  if (!draft.ok) throw new BadUserInput('Your order could not be placed: please check the highlighted lines.', draft.problems);

  const policy = await policyVersion(em, version);
  const address = parseAddress(command.shippingAddress, country);
  const problems: FieldProblem[] = [...address.problems];
  if (draft.currency !== policy.currency) {
    problems.push({ field: 'lines', reason: 'CURRENCY_NOT_ACCEPTED', message: `This store takes orders in ${policy.currency} only.` });
  }
  if (problems.length > 0) throw new BadUserInput('Your order could not be placed: please check the highlighted fields.', problems);

  // Only a chosen method is estimated (placeOrder leaves shipping to be quoted when the parcel is packed).
  const card = command.shippingMethod === null ? null : await em.findOne(ShippingRateCard, { version: { $gt: 0 } }, { orderBy: { version: 'desc' } });
  const groups = splitCart(draft.lines, (id) => known.get(id)!.status);
  if (command.mixed === 'refuse' && groups.length > 1) {
    throw new BadUserInput('Each preorder is ordered on its own: please place one order for each.', [
      { field: 'lines', reason: 'SEVERAL_PREORDERS', message: 'Use checkout to order several preorders at once.' },
    ]);
  }
  const planned: PlannedOrder[] = [];
  for (const group of groups) {
    const goodsTotal = group.lines.reduce((sum, l) => sum + l.unitPriceAmount * l.quantity, 0);
    const units = group.lines.reduce((sum, l) => sum + l.quantity, 0);
    let shipping: PlannedOrder['shipping'] = { amount: 0, method: null, rateCardVersion: null };
    if (command.shippingMethod !== null) {
      const estimate = estimateShipping(card, command.shippingMethod, country, units, draft.currency);
      if (!estimate.ok) throw new BadUserInput('This shipping method is not available.', [estimate.problem]);
      shipping = { amount: estimate.amount, method: estimate.method, rateCardVersion: estimate.rateCardVersion };
    }
    const product = known.get(group.lines[0]!.productId)!;
    const terms = orderTerms(policy, {
      kind: group.kind,
      campaignPlan: group.kind === 'PREORDER' && product.planKind ? campaignPlanOf(product) : null,
      choice: command.paymentChoice,
      goodsTotal,
      shippingEstimate: shipping.amount,
      productDownPayment: group.lines.reduce((sum, l) => sum + (known.get(l.productId)!.downPaymentAmount ?? 0) * l.quantity, 0),
      flags,
    });
    if (!terms.ok) throw new PolicyViolation(terms.rule.text, terms.refusal, { productId: product.id });
    if (terms.plan === 'CHARGE_AT_SHIP' && options.needsPaymentMethod) await ensurePaymentMethod(em, command.customerId, command.paymentMethodId);
    planned.push({ group, goodsTotal, shipping, terms });
  }
  return { draft, known, country, version, address, planned };
}

async function placeCheckout(em: EntityManager, command: CheckoutCommand, fingerprint: string): Promise<OrderRead[]> {
  const context = await readCheckoutContext(em, command.customerId, command.idempotencyKey, cartProductIds(command.lines));
  if (context.earlier) return replay(em, context.earlier, fingerprint);
  const { draft, known, country, version, address, planned } = await planCheckout(em, command, context, { needsPaymentMethod: true });
  await holdWithinCustomerLimits(em, command.customerId, draft.lines, known);

  const checkoutId = randomUUID();
  const placedAt = storeNow();
  const placed = planned.map((plan) => {
    const order = {
      id: randomUUID(),
      customerId: command.customerId,
      status: 'PENDING',
      totalAmount: plan.goodsTotal,
      currency: draft.currency,
      checkoutId,
      kind: plan.group.kind,
      paymentPlan: plan.terms.plan,
      policyVersion: version,
      depositAmount: plan.terms.deposit,
      downPaymentAmount: plan.terms.nonRefundable,
      shippingEstimateAmount: plan.shipping.amount,
      shippingMethod: plan.shipping.method,
      shippingRateVersion: plan.shipping.rateCardVersion,
      shippingAddress: address.value,
      customerCountry: country,
      paymentMethodId: plan.terms.plan === 'CHARGE_AT_SHIP' ? command.paymentMethodId : null,
      payAtOrder: plan.terms.dueAtOrder,
      placedAt,
    } satisfies Partial<OrderFields>;
    const lines = plan.group.lines.map((line, position) => ({
      id: randomUUID(),
      order: order.id,
      position,
      ...line,
      unitDownPaymentAmount: known.get(line.productId)!.downPaymentAmount ?? 0,
    }));
    const event = orders.outboxRow({
      definition: orderPlacedV1,
      subject: order.id,
      data: { orderId: order.id, customerId: command.customerId, lines: plan.group.lines.map(({ productId, quantity }) => ({ productId, quantity })) },
    });
    return { order, lines, event };
  });
  // The checkout, its orders, their lines and their OrderPlaced events in one statement: all of it or nothing.
  const [, stored, storedLines] = await writeRows(em, [
    rowsOf(Checkout, [{ id: checkoutId, customerId: command.customerId, idempotencyKey: command.idempotencyKey, requestFingerprint: fingerprint }]),
    rowsOf(
      Order,
      placed.map((p) => p.order),
      { returning: true },
    ),
    rowsOf(
      OrderLine,
      placed.flatMap((p) => p.lines),
      { returning: true },
    ),
    rowsOf(
      OutboxMessage,
      placed.map((p) => p.event),
    ),
  ]);
  return (stored as unknown as OrderFields[]).map((order) => ({
    order,
    lines: (storedLines as unknown as (OrderLineFields & { order: string })[]).filter((l) => l.order === order.id).sort((a, b) => a.position - b.position),
    dues: [],
  }));
}

/**
 * Per-customer limits are held under concurrency like stock: the customer's
 * checkouts of a limited product are serialised (a transaction-scoped
 * advisory lock per customer and product), then what they hold on live
 * orders is counted. Refusing throws, rolling the whole checkout back.
 */
async function holdWithinCustomerLimits(
  tx: EntityManager,
  customerId: string,
  lines: readonly DraftLine[],
  known: ReadonlyMap<string, CheckoutProduct>,
): Promise<void> {
  const wanted = new Map<string, number>();
  for (const line of lines)
    if (known.get(line.productId)?.maxQuantityPerCustomer != null) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
  if (wanted.size === 0) return;
  const products = [...wanted.keys()].sort();
  for (const productId of products) await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`customer-limit:${customerId}:${productId}`]);
  const rows = await tx.execute<{ product_id: string; held: string }[]>(
    `select l.product_id, coalesce(sum(l.quantity), 0) as held from "${ordersSchema}".order_line l join "${ordersSchema}".customer_order o on o.id = l.order_id
      where o.customer_id = ? and l.product_id in (?) and o.status not in ('REJECTED', 'CANCELLED', 'EXPIRED') group by l.product_id`,
    [customerId, products],
  );
  const held = new Map(rows.map((r) => [r.product_id, Number(r.held)]));
  const problems = overCustomerLimit(
    products.map((productId) => ({
      productId,
      held: held.get(productId) ?? 0,
      wanted: wanted.get(productId)!,
      limit: known.get(productId)!.maxQuantityPerCustomer ?? null,
    })),
  );
  if (problems.length > 0) throw new BadUserInput('Your order could not be placed: please check the highlighted lines.', problems);
}

/** The cart's product ids that can be products at all (an id that is no UUID is refused by the line checks). */
function cartProductIds(lines: readonly RequestedLine[]): string[] {
  return [...new Set(lines.map((l) => l.productId.toLowerCase()).filter(isUuid))];
}

function campaignPlanOf(product: CheckoutProduct) {
  return { kind: product.planKind as PaymentPlanKind, depositPercent: product.depositPercent ?? null, fullPaymentAllowed: product.fullPaymentAllowed };
}

function findCheckout(em: EntityManager, customerId: string, idempotencyKey: string): Promise<Checkout | null> {
  return em.findOne(Checkout, { customerId, idempotencyKey });
}

async function replay(em: EntityManager, earlier: Pick<Checkout, 'id' | 'requestFingerprint'>, fingerprint: string): Promise<OrderRead[]> {
  if (earlier.requestFingerprint !== fingerprint) {
    throw new Conflict('This idempotency key was already used for a different order. Use a new key for a new order.', { field: 'idempotencyKey' });
  }
  return readCheckoutOrders(em, earlier.id);
}

async function ensurePaymentMethod(em: EntityManager, customerId: string, paymentMethodId: string | null): Promise<void> {
  const method = paymentMethodId && isUuid(paymentMethodId) ? await em.findOne(KnownPaymentMethod, { id: paymentMethodId, customerId, removed: false }) : null;
  if (!method) {
    throw new BadUserInput('This preorder is charged when it ships: choose one of your saved payment methods.', [
      { field: 'paymentMethodId', reason: 'PAYMENT_METHOD_REQUIRED', message: 'Save a card first, then choose it here.' },
    ]);
  }
}

/** The address, checked field by field; it must be in the customer's region (one region per account, where orders ship). */
function parseAddress(input: unknown, country: string | null): { value: ShippingAddress | null; problems: FieldProblem[] } {
  if (input === undefined || input === null) return { value: null, problems: [] };
  const parsed = shippingAddressSchema.safeParse(input);
  if (!parsed.success) {
    return {
      value: null,
      problems: parsed.error.issues.map((issue) => ({
        field: ['shippingAddress', ...issue.path].join('.'),
        reason: 'INVALID',
        message: issue.code === 'too_big' ? 'This is too long.' : 'Please fill this in correctly.',
      })),
    };
  }
  // Orders ship within the account's region only: an address cannot be judged before that region is known.
  if (country === null) return { value: null, problems: [{ field: 'shippingAddress', reason: 'REGION_UNKNOWN', message: regionUnknownMessage }] };
  if (parsed.data.country !== country) {
    return {
      value: null,
      problems: [{ field: 'shippingAddress.country', reason: 'OUTSIDE_REGION', message: `Orders ship to your account's region (${country}) only.` }],
    };
  }
  return { value: parsed.data, problems: [] };
}
