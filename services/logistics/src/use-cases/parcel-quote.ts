import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { extraShippingInvoicedV1, parcelPackedV1, shippingQuotedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, storeNow, type FieldProblem } from '@vitrine/platform';
import { isUuid } from '@vitrine/platform/domain';
import { finalQuote } from '../domain/final-quote.js';
import { chargeableGrams, type Parcel } from '../domain/parcel.js';
import { priceParcel } from '../domain/pricing.js';
import { checkDimensions, rateTableLimits } from '../domain/rate-table.js';
import { checkReplacementPacking } from '../domain/replacement-shipment.js';
import { assertCanPack, assertShipmentMove } from '../domain/shipment-status.js';
import { logistics } from '../identity.js';
import { KnownWarehouse } from '../store/known-warehouse.entity.js';
import { latestRateTable } from './rate-tables.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { Shipment } from '../store/shipment.entity.js';
import { recordAudit } from './record-audit.js';

export interface PackedParcel extends Parcel {
  /** The carrier's figure in minor units; null: priced by the newest rate table. */
  finalCost: number | null;
  /** A replacement EXCHANGE: where the new unit was taken from (see checkReplacementPacking). */
  unitTaken?: string | null;
}

/** A shipment locked for a change; NOT_FOUND for an unknown id. */
export async function lockShipment(em: EntityManager, id: string): Promise<Shipment> {
  const shipment = isUuid(id) ? await em.findOne(Shipment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!shipment) throw new NotFound('Shipment', id);
  return shipment;
}

function checkParcel(parcel: PackedParcel): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, reason: string, message: string) => problems.push({ field, reason, message });
  checkDimensions(parcel.dimensions, 'dimensions', add);
  if (!Number.isInteger(parcel.weightGrams) || parcel.weightGrams < 1 || parcel.weightGrams > rateTableLimits.maxGrams) {
    add('weightGrams', 'OUT_OF_RANGE', `Weight is 1 to ${rateTableLimits.maxGrams} grams.`);
  }
  if (parcel.finalCost !== null && (!Number.isInteger(parcel.finalCost) || parcel.finalCost < 0 || parcel.finalCost > rateTableLimits.maxAmount)) {
    add('finalCost', 'OUT_OF_RANGE', 'A cost is a whole amount of minor units, 0 or more.');
  }
  return problems;
}

/**
 * Staff (or the partner) record the packed parcel: its measures and final
 * cost (given, or priced by the newest table, whose version the shipment
 * keeps). Against the estimates paid: an excess is refunded by payments, a
 * shortfall is invoiced and blocks dispatch until paid. One transaction:
 * ParcelPacked, ShippingQuoted and, if any, ExtraShippingInvoiced.
 */
export async function recordParcel(em: EntityManager, actor: string, shipmentId: string, parcel: PackedParcel): Promise<Shipment> {
  const problems = checkParcel(parcel);
  if (problems.length > 0) throw new BadUserInput('The parcel is not valid.', problems);
  return em.transactional(async (tx) => {
    const shipment = await lockShipment(tx, shipmentId);
    assertCanPack(shipment.status);
    if (shipment.kind === 'REPLACEMENT') return packReplacement(tx, actor, shipment, parcel);
    const priced = await finalCostOf(tx, shipment, parcel);
    const orders = await tx.find(ShipmentOrder, { shipmentId }, { orderBy: { orderId: 'asc' } });
    const quote = finalQuote(priced.cost, orders);
    assertShipmentMove(shipment.status, quote.outcome === 'EXTRA_INVOICE' ? 'AWAITING_PAYMENT' : 'READY');
    const now = storeNow();
    Object.assign(shipment, {
      status: quote.outcome === 'EXTRA_INVOICE' ? 'AWAITING_PAYMENT' : 'READY',
      weightGrams: parcel.weightGrams,
      lengthMm: parcel.dimensions.lengthMm,
      widthMm: parcel.dimensions.widthMm,
      heightMm: parcel.dimensions.heightMm,
      chargeableGrams: priced.chargeableGrams,
      finalCost: priced.cost,
      rateTableVersion: priced.rateTableVersion,
      quotedAt: now,
    });
    const byOrder = new Map(quote.orders.map((o) => [o.orderId, o]));
    for (const row of orders) {
      const share = byOrder.get(row.orderId)!;
      Object.assign(row, {
        finalShare: share.finalShare,
        excessRefund: share.excessRefund,
        extraDue: share.extraDue,
        invoiceId: share.extraDue > 0 ? randomUUID() : null,
      });
    }
    recordAudit(tx, actor, 'shipment.parcel-recorded', shipment.id, { ...parcel, finalCost: priced.cost, rateTableVersion: priced.rateTableVersion });
    stageQuoteEvents(tx, shipment, orders, quote.outcome, priced.chargeableGrams, now);
    return shipment;
  });
}

/**
 * A claim's replacement, packed when its part arrived (or its exchanged unit
 * was taken from stock): READY to dispatch at once. Its cost (given, or priced
 * by the table) is the store's, kept for the record: no ShippingQuoted (there
 * is no estimate to refund or invoice against) and no ParcelPacked (it moves
 * no order). Audited with the unit taken for an exchange.
 */
async function packReplacement(em: EntityManager, actor: string, shipment: Shipment, parcel: PackedParcel): Promise<Shipment> {
  const contents = shipment.replacement!;
  const packing = checkReplacementPacking(contents.resolution, parcel.unitTaken ?? null);
  if (packing.problems.length > 0) throw new BadUserInput('The parcel is not valid.', packing.problems);
  const priced = await finalCostOf(em, shipment, parcel);
  assertShipmentMove(shipment.status, 'READY');
  Object.assign(shipment, {
    status: 'READY',
    weightGrams: parcel.weightGrams,
    lengthMm: parcel.dimensions.lengthMm,
    widthMm: parcel.dimensions.widthMm,
    heightMm: parcel.dimensions.heightMm,
    chargeableGrams: priced.chargeableGrams,
    finalCost: priced.cost,
    rateTableVersion: priced.rateTableVersion,
    quotedAt: storeNow(),
    replacement: { ...contents, unitTaken: packing.unitTaken },
  });
  recordAudit(em, actor, 'shipment.parcel-recorded', shipment.id, {
    ...parcel,
    finalCost: priced.cost,
    rateTableVersion: priced.rateTableVersion,
    claimId: shipment.claimId,
    unitTaken: packing.unitTaken,
  });
  return shipment;
}

async function finalCostOf(
  em: EntityManager,
  shipment: Shipment,
  parcel: PackedParcel,
): Promise<{ cost: number; chargeableGrams: number; rateTableVersion: number | null }> {
  const table = await latestRateTable(em);
  const origin = shipment.warehouseId ? ((await em.findOne(KnownWarehouse, { warehouseId: shipment.warehouseId }))?.code ?? null) : null;
  const method = table?.document.methods.find((m) => m.code === shipment.method && (origin === null || m.origin === origin));
  const grams = method ? chargeableGrams(parcel, method.volumetricDivisor) : parcel.weightGrams;
  if (parcel.finalCost !== null) return { cost: parcel.finalCost, chargeableGrams: grams, rateTableVersion: null };
  const country = shipment.address?.country;
  if (!table || !method || !country) {
    throw new BadUserInput('Give the final cost: this parcel cannot be priced from the rate table.', [
      { field: 'finalCost', reason: 'REQUIRED', message: 'The rate table has no price for this shipment (method, origin or destination unknown).' },
    ]);
  }
  const result = priceParcel(table.document, { method: method.code, origin: method.origin, country, parcel });
  if (!result.ok) throw new BadUserInput('Give the final cost: this parcel cannot be priced from the rate table.', [{ ...result.problem, field: 'finalCost' }]);
  if (result.price.currency !== shipment.currency) {
    throw new BadUserInput('Give the final cost: the rate table is in another currency.', [
      { field: 'finalCost', reason: 'CURRENCY_MISMATCH', message: `The order paid in ${shipment.currency}.` },
    ]);
  }
  return { cost: result.price.amount, chargeableGrams: result.price.chargeableGrams, rateTableVersion: table.version };
}

function stageQuoteEvents(
  em: EntityManager,
  s: Shipment,
  orders: ShipmentOrder[],
  outcome: 'REFUND_EXCESS' | 'EXACT' | 'EXTRA_INVOICE',
  grams: number,
  at: Date,
): void {
  const money = (amount: number) => ({ amount, currency: s.currency });
  const dimensions = { lengthMm: s.lengthMm!, widthMm: s.widthMm!, heightMm: s.heightMm! };
  const orderIds = orders.map((o) => o.orderId);
  logistics.recordEvent(em, {
    definition: parcelPackedV1,
    subject: s.id,
    data: { shipmentId: s.id, orderIds, weightGrams: s.weightGrams!, dimensions, chargeableGrams: grams, packedAt: at.toISOString() },
  });
  logistics.recordEvent(em, {
    definition: shippingQuotedV1,
    subject: s.id,
    data: {
      shipmentId: s.id,
      customerId: s.customerId,
      finalCost: money(s.finalCost!),
      weightGrams: s.weightGrams!,
      dimensions,
      outcome,
      orders: orders.map((o) => ({
        orderId: o.orderId,
        estimatePaid: money(o.estimatePaid),
        finalShare: money(o.finalShare!),
        excessRefund: money(o.excessRefund),
        extraDue: money(o.extraDue),
      })),
      quotedAt: at.toISOString(),
    },
  });
  const invoices = orders.filter((o) => o.invoiceId !== null).map((o) => ({ invoiceId: o.invoiceId!, orderId: o.orderId, amount: money(o.extraDue) }));
  if (invoices.length > 0) {
    logistics.recordEvent(em, {
      definition: extraShippingInvoicedV1,
      subject: s.id,
      data: { shipmentId: s.id, customerId: s.customerId, invoices, invoicedAt: at.toISOString() },
    });
  }
}
