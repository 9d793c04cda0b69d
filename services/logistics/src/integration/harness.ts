// Test-only helpers for logistics' int specs (excluded from the build): logistics alone, with a test token issuer
// for accounts, and the events catalog, orders and payments would send published straight to its topics.
import { randomUUID } from 'node:crypto';
import {
  orderConfirmedV1,
  paymentSucceededV1,
  productPublishedV1,
  readyToFulfilV1,
  stockReservedV1,
  storePolicyPublishedV1,
  warehouseCreatedV1,
} from '@vitrine/contracts';
import { presetDocuments } from '@vitrine/policy';
import { bootIsolatedService, eventually, gql, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { RateTableInput } from '../__generated__/graphql.js';
import { logisticsService } from '../logistics-service.js';

export interface LogisticsHarness extends IsolatedService {
  /** Staff holding logistics' scopes. */
  readonly staff: TestIdentity;
  readonly warehouses: { france: string; china: string };
}

export const usd = (amount: number) => ({ amount, currency: 'USD' });

export async function bootLogistics(label: string, env: Record<string, string> = {}): Promise<LogisticsHarness> {
  const logistics = await bootIsolatedService(logisticsService, { label, env });
  try {
    const staff = await logistics.tokens.staff(logisticsService.identity.scopes);
    const warehouses = { france: randomUUID(), china: randomUUID() };
    const warehouse = (warehouseId: string, code: string, country: string) =>
      logistics.publish({
        source: 'catalog',
        definition: warehouseCreatedV1,
        subject: warehouseId,
        data: { warehouseId, code, name: code, country, heldByFactory: country === 'CN' },
      });
    await warehouse(warehouses.france, 'T-FR', 'FR');
    await warehouse(warehouses.china, 'T-CN', 'CN');
    await logistics.publish({
      source: 'orders',
      definition: storePolicyPublishedV1,
      subject: '1',
      data: {
        version: 1,
        policyId: 'deposit-store',
        document: presetDocuments['deposit-store'] as Record<string, unknown>,
        publishedAt: new Date().toISOString(),
        publishedBy: null,
        note: null,
      },
    });
    await eventually(async () => Number((await logistics.sql('select count(*) as n from logistics.known_warehouse'))[0].n) === 2);
    await eventually(async () => Number((await logistics.sql('select count(*) as n from logistics.known_policy'))[0].n) === 1);
    return Object.assign(logistics, { staff, warehouses });
  } catch (err) {
    await logistics.stop();
    throw err;
  }
}

/** A table from the French test warehouse: Europe and the rest of the world; 5000 cm³/kg. */
export function testRateTable(overrides: Partial<RateTableInput> = {}): RateTableInput {
  return {
    currency: 'USD',
    referenceItem: { weightGrams: 1_000, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } },
    zones: [
      { code: 'EU', name: 'Europe', countries: ['FR', 'DE'] },
      { code: 'WORLD', name: 'Rest of the world', countries: [] },
    ],
    methods: [
      {
        code: 'STANDARD',
        label: 'Standard',
        origin: 'T-FR',
        volumetricDivisor: 5_000,
        rates: [
          {
            zone: 'EU',
            brackets: [
              { upToGrams: 1_000, amount: 1_000 },
              { upToGrams: 2_000, amount: 1_500 },
              { upToGrams: 5_000, amount: 2_500 },
            ],
            perExtraKg: 400,
          },
          { zone: 'WORLD', brackets: [{ upToGrams: 5_000, amount: 4_000 }], perExtraKg: 1_000 },
        ],
        surcharges: [],
      },
    ],
    ...overrides,
  };
}

export const publishRateTableMutation = graphql(`
  mutation HarnessPublishRateTable($input: RateTableInput!) {
    publishRateTable(input: $input) {
      version
    }
  }
`);

export async function publishTable(h: LogisticsHarness, input: RateTableInput): Promise<number> {
  const res = await gql(h.url, publishRateTableMutation, { input }, h.staff.headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.publishRateTable.version;
}

/** A product catalog measured: weight and boxed size (ProductPublished). */
export async function measuredProduct(h: LogisticsHarness, weightGrams: number | null, size: [number, number, number] | null): Promise<string> {
  const productId = randomUUID();
  await h.publish({
    source: 'catalog',
    definition: productPublishedV1,
    subject: productId,
    data: {
      productId,
      sku: `SKU-${productId.slice(0, 8)}`,
      name: 'Figure',
      price: usd(10_000),
      weightGrams,
      packageDimensions: size && { lengthMm: size[0], widthMm: size[1], heightMm: size[2] },
    },
  });
  await eventually(async () => (await h.sql('select 1 from logistics.known_product where product_id = ?', [productId])).length === 1);
  return productId;
}

export interface PaidOrder {
  orderId: string;
  customerId: string;
  shipmentId: string;
}

export const parisAddress = { name: 'A Customer', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };

/** Orders' OrderConfirmed for one unit of `productId` at 100.00 under policy 1 (an in-stock order, or a preorder on deposit). */
export function orderConfirmed(
  h: LogisticsHarness,
  order: { orderId: string; customerId: string; productId: string; kind: 'IN_STOCK' | 'PREORDER'; shippingEstimate: number },
): Promise<unknown> {
  return h.publish({
    source: 'orders',
    definition: orderConfirmedV1,
    subject: order.orderId,
    data: {
      orderId: order.orderId,
      customerId: order.customerId,
      kind: order.kind,
      paymentPlan: order.kind === 'IN_STOCK' ? 'IN_STOCK' : 'DEPOSIT',
      policyVersion: 1,
      lines: [{ productId: order.productId, quantity: 1, unitPrice: usd(10_000) }],
      goodsTotal: usd(10_000),
      shippingEstimate: usd(order.shippingEstimate),
      nextPayment: null,
    },
  });
}

/** Payments' PaymentSucceeded for one order: one allocation (a due of its own) per amount. */
export function paymentSucceeded(
  h: LogisticsHarness,
  payment: { customerId: string; orderId: string; amounts: number[]; purpose: 'FULL_PAYMENT' | 'DEPOSIT' | 'BALANCE' },
): Promise<unknown> {
  return h.publish({
    source: 'payments',
    definition: paymentSucceededV1,
    subject: randomUUID(),
    data: {
      paymentId: randomUUID(),
      customerId: payment.customerId,
      purpose: payment.purpose,
      amount: usd(payment.amounts.reduce((a, b) => a + b, 0)),
      allocations: payment.amounts.map((amount) => ({ orderId: payment.orderId, dueId: randomUUID(), amount: usd(amount) })),
      provider: 'sandbox',
      succeededAt: new Date().toISOString(),
    },
  });
}

/** Where and how an order ships, when a test needs it to differ (default: Paris, STANDARD, the French warehouse). */
export interface OrderTerms {
  address: typeof parisAddress & { line2?: string | null };
  method: string;
  warehouseId: string;
}

/**
 * An in-stock order of `customer` as orders and catalog announce it (confirmed under policy 1, units in
 * the French warehouse, `paid` captured), then ReadyToFulfil with `shippingPaid`: resolves once its shipment is open.
 */
export async function readyOrder(
  h: LogisticsHarness,
  customer: TestIdentity,
  shippingPaid: number,
  paid = 10_000 + shippingPaid,
  terms: Partial<OrderTerms> = {},
): Promise<PaidOrder> {
  const orderId = randomUUID();
  const productId = randomUUID();
  const lines = [{ productId, quantity: 1 }];
  await h.publish({
    source: 'catalog',
    definition: stockReservedV1,
    subject: orderId,
    data: { orderId, lines, allocations: [{ productId, warehouseId: terms.warehouseId ?? h.warehouses.france, quantity: 1 }] },
  });
  await orderConfirmed(h, { orderId, customerId: customer.id, productId, kind: 'IN_STOCK', shippingEstimate: shippingPaid });
  await paymentSucceeded(h, { customerId: customer.id, orderId, amounts: [paid], purpose: 'FULL_PAYMENT' });
  await eventually(async () => (await h.sql('select paid_amount from logistics.known_order where order_id = ?', [orderId]))[0]?.paid_amount === paid);
  await h.publish({
    source: 'orders',
    definition: readyToFulfilV1,
    subject: orderId,
    data: {
      orderId,
      customerId: customer.id,
      lines,
      shippingAddress: terms.address ?? parisAddress,
      shippingMethod: terms.method ?? 'STANDARD',
      shippingPaid: usd(shippingPaid),
    },
  });
  const [row] = await eventually(async () => {
    const rows = await h.sql<{ shipment_id: string }>('select shipment_id from logistics.shipment_order where order_id = ?', [orderId]);
    return rows.length === 1 && rows;
  });
  return { orderId, customerId: customer.id, shipmentId: row!.shipment_id };
}

const parcelMutation = graphql(`
  mutation HarnessRecordParcel($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
    }
  }
`);

const dispatchMutation = graphql(`
  mutation HarnessDispatch($shipmentId: ID!, $carrier: String!, $trackingNumber: String!) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier, trackingNumber: $trackingNumber) {
      dispatchedAt
    }
  }
`);

/** An order ready and its parcel packed at the estimate paid (nothing to refund or invoice): READY to dispatch. */
export async function packedOrder(h: LogisticsHarness, customer: TestIdentity): Promise<PaidOrder> {
  const order = await readyOrder(h, customer, 1_500);
  const parcel = { weightGrams: 900, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 }, finalCost: 1_500 };
  const packed = await gql(h.url, parcelMutation, { shipmentId: order.shipmentId, parcel }, h.staff.headers);
  if (packed.errors) throw new Error(JSON.stringify(packed.errors));
  return order;
}

/** A packed order dispatched with a carrier: resolves with the dispatch time (store clock). */
export async function dispatchedOrder(
  h: LogisticsHarness,
  customer: TestIdentity,
  carrier: string,
  trackingNumber: string,
): Promise<PaidOrder & { dispatchedAt: Date }> {
  const order = await packedOrder(h, customer);
  const sent = await gql(h.url, dispatchMutation, { shipmentId: order.shipmentId, carrier, trackingNumber }, h.staff.headers);
  if (sent.errors) throw new Error(JSON.stringify(sent.errors));
  return { ...order, dispatchedAt: new Date(sent.data!.dispatchShipment.dispatchedAt!) };
}

/** A shipment's status and its tracking history as written (oldest first). */
export async function trackingOf(h: LogisticsHarness, shipmentId: string): Promise<{ status: string; steps: { status: string; at: Date }[] }> {
  const [shipment] = await h.sql<{ status: string }>('select status from logistics.shipment where id = ?', [shipmentId]);
  const steps = await h.sql<{ status: string; at: Date }>('select status, at from logistics.tracking_event where shipment_id = ? order by at, id', [
    shipmentId,
  ]);
  return { status: shipment!.status, steps: steps.map((s) => ({ status: s.status, at: new Date(s.at) })) };
}

/** How many events of a type logistics staged for a shipment (its outbox: what it will publish, published or not). */
export async function stagedEvents(h: LogisticsHarness, shipmentId: string, type: string): Promise<number> {
  const [row] = await h.sql<{ n: string }>('select count(*) as n from logistics.outbox_message where key = ? and type = ?', [shipmentId, type]);
  return Number(row!.n);
}
