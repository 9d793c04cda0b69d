import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, checkStaffReason, type FieldProblem, NotFound, storeNow } from '@vitrine/platform';
import { checkDownPayment, type DownPaymentInput } from '../domain/down-payment.js';
import { checkProductName } from '../domain/new-product.js';
import { checkProductDetails, type ProductDetailsInput } from '../domain/product-details.js';
import { decideProductUpdate, emptyPatchProblems, type DescriptivePatch } from '../domain/product-update.js';
import { applyDescriptiveFields, descriptiveFieldsOf } from './product-fields.js';
import { Product } from '../store/product.entity.js';
import { checkStudioExists, publishProduct } from './create-product.js';
import { missingUploads, ownImageStoreFor } from './product-images.js';
import { recordAudit } from './record-audit.js';
import { stageSpecChange } from './record-spec-change.js';

export interface ProductUpdateInput extends ProductDetailsInput {
  name?: string | null;
  /** null: the studio is no longer known. */
  studioId?: string | null;
  /** null: no down payment any more. */
  downPayment?: DownPaymentInput | null;
}

export interface UpdateProductCommand {
  productId: string;
  input: ProductUpdateInput;
  /** Required when a spec field changes before release (it becomes the spec change's reason). */
  reason?: string | null;
}

/**
 * Staff change a product's descriptive fields (not its price, status or sale
 * rules, which have their own mutations). Only given fields change; the
 * audit entry carries each changed field before and after. Before release, a
 * change to a spec field is also recorded as a spec change (history row and
 * SpecChanged) so customers are told. The row is locked; all of it commits
 * together, or nothing.
 */
export async function updateProduct(em: EntityManager, actor: string, command: UpdateProductCommand): Promise<Product> {
  const { input } = command;
  const ownImages = ownImageStoreFor(command.productId);
  const checked = checkProductDetails(input, ownImages);
  // A blank reason is no reason: only a spec change before release requires one.
  const reason = command.reason?.trim() ? checkStaffReason(command.reason) : null;
  // null is no name at all: refused like an empty one.
  const name = input.name === undefined ? undefined : (input.name ?? '').trim();
  const problems: FieldProblem[] = [
    ...emptyPatchProblems(input),
    ...(name === undefined ? [] : checkProductName(name)),
    ...checked.problems,
    ...(reason?.problems ?? []),
    ...(await checkStudioExists(em, input.studioId)),
  ];
  if (problems.length > 0) throw new BadUserInput('Some product fields are not valid.', problems);
  if (checked.details.images) {
    // Storage is asked before the row is locked; an image attached meanwhile by someone else was checked by them.
    // A fork: this partial read must not stand in for the whole product later in the request.
    const before = await em.fork().findOne(Product, command.productId, { fields: ['images'] });
    const missing = await missingUploads(checked.details.images, before?.images ?? [], ownImages);
    if (missing.length > 0) throw new BadUserInput('Some images are not in the image store.', missing);
  }

  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const patch: DescriptivePatch = { ...checked.details };
    if (name !== undefined) patch.name = name;
    // Stored lower-case (PostgreSQL uuid): compare the same way, so a retry in upper case changes nothing.
    if (input.studioId !== undefined) patch.studioId = input.studioId?.toLowerCase() ?? null;
    if (input.downPayment !== undefined) {
      // Checked against the current price: the price has its own mutation.
      const down = checkDownPayment(input.downPayment ?? { required: false }, { amount: product.priceAmount, currency: product.priceCurrency });
      if (down.problems.length > 0) throw new BadUserInput('The down payment is not valid.', down.problems);
      patch.downPayment = down.downPayment;
    }
    return applyProductPatch(tx, actor, product, patch, reason?.reason ?? null);
  });
}

/**
 * A descriptive patch on a product locked in `tx`: decided by the domain (a spec change before release needs a
 * reason), applied, audited field by field, recorded as a spec change when it is one, and announced as
 * ProductPublished when a field other services copy changed. Nothing happens when nothing changes.
 */
export function applyProductPatch(tx: EntityManager, actor: string, product: Product, patch: DescriptivePatch, reason: string | null): Product {
  const { decision, problems } = decideProductUpdate(product.status, descriptiveFieldsOf(product), patch, reason);
  if (problems.length > 0) throw new BadUserInput('Please give a reason.', problems);
  if (decision.kind === 'UNCHANGED') return product;

  const now = storeNow();
  applyDescriptiveFields(product, patch);
  const changed = Object.fromEntries(decision.changes.map((c) => [c.field, { from: c.from, to: c.to }]));
  recordAudit(tx, actor, 'product.updated', product.id, { changes: changed, reason }, now);
  if (decision.specChanges.length > 0) stageSpecChange(tx, actor, product.id, { changes: decision.specChanges, description: null, reason: reason! }, now);
  // Orders', logistics' and after-sales' product projections are fed by ProductPublished: the name, the down payment, the weight and package size, the parts.
  const published = new Set(['name', 'downPayment', 'weightGrams', 'packageDimensions', 'parts']);
  if (decision.changes.some((c) => published.has(c.field))) publishProduct(tx, product);
  return product;
}
