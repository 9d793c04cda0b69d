import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { listAuditEntries } from '../use-cases/list-audit-entries.js';
import { CatalogAuditEntryType } from './audit-entry.type.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';
import { Staff } from '../identity.js';

@Resolver(() => ProductType)
export class ProductAuditResolver {
  @Staff('catalog:write')
  @FieldResolver(() => [CatalogAuditEntryType], {
    description: 'Staff (catalog:write): every change made to it, newest first, for a product page (one query per product: not meant for listings).',
  })
  async auditTrail(
    @Root() product: ProductType,
    @Ctx() ctx: CatalogContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<CatalogAuditEntryType[]> {
    return (await listAuditEntries(ctx.em, product.id, first)).map(CatalogAuditEntryType.from);
  }
}
