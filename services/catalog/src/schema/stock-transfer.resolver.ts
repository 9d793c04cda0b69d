import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { NotFound, requireCallerId, requireUuid, TextArg } from '@vitrine/platform';
import { transferStock } from '../use-cases/transfer-stock.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';
import { StockTransferType } from './stock-transfer.type.js';
import { TransferStockInput } from './transfer-stock.input.js';
import { Staff } from '../identity.js';

@Resolver(() => StockTransferType)
export class StockTransferResolver {
  @Staff('catalog:write')
  @Mutation(() => StockTransferType, {
    description:
      'Staff (catalog:write): moves free units (on hand, reserved for no order) of a product from one warehouse to another in use, saying why: one transaction, two TRANSFERRED ledger rows naming the transfer, audited, StockTransferred announced. Refused, changing nothing: more than the free units (POLICY_VIOLATION TRANSFER_EXCEEDS_FREE_UNITS, with how many are free); the same warehouse, a retired or unknown one, a bad quantity or no reason (BAD_USER_INPUT, per field). Send the same idempotencyKey (8-200 characters) when retrying: the first transfer comes back, never a second one.',
  })
  async transferStock(
    @Ctx() ctx: CatalogContext,
    @Arg('input', () => TransferStockInput) input: TransferStockInput,
    @TextArg('idempotencyKey', { maxLength: 200, nullable: true }) idempotencyKey: string | null,
  ): Promise<StockTransferType> {
    const transfer = await transferStock(ctx.em, requireCallerId(ctx.caller), {
      productId: requireUuid(input.productId, 'productId', 'product'),
      fromWarehouseId: requireUuid(input.fromWarehouseId, 'fromWarehouseId', 'warehouse'),
      toWarehouseId: requireUuid(input.toWarehouseId, 'toWarehouseId', 'warehouse'),
      quantity: input.quantity,
      reason: input.reason,
      idempotencyKey: idempotencyKey ?? null,
    });
    return StockTransferType.from(transfer);
  }

  @FieldResolver(() => ProductType, { description: 'The product, with its units per warehouse after the move.' })
  async product(@Root() transfer: StockTransferType, @Ctx() ctx: CatalogContext): Promise<ProductType> {
    const product = await ctx.productById.load(transfer.productId);
    if (!product) throw new NotFound('Product', transfer.productId);
    return ProductType.from(product);
  }
}
