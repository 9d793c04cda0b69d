import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { productDetailLimits } from '../domain/product-details.js';
import { productImageContentTypes, productImageLimits } from '../domain/product-images.js';
import { addProductImage, removeProductImage } from '../use-cases/product-image-list.js';
import { requestProductImageUpload } from '../use-cases/product-images.js';
import type { CatalogContext } from './catalog-context.js';
import { ProductImageLimitsType, ProductImageUploadType } from './product-image-upload.type.js';
import { ProductType } from './product.type.js';
import { Staff } from '../identity.js';

@Resolver()
export class ProductImageResolver {
  @Query(() => ProductImageLimitsType, { description: 'The types and size an uploaded product image may have.' })
  productImageLimits(): ProductImageLimitsType {
    return { contentTypes: [...productImageContentTypes], maxBytes: productImageLimits.maxBytes };
  }

  @Staff('catalog:write')
  @Mutation(() => ProductImageUploadType, {
    description:
      'Staff (catalog:write): a short-lived URL to upload one image of the product straight to the image store (JPEG, PNG or WebP, see productImageLimits). BAD_USER_INPUT IMAGE_TYPE_NOT_ALLOWED, IMAGE_TOO_LARGE or IMAGE_EMPTY otherwise. Nothing changes until the image URL is added to the product.',
  })
  async requestProductImageUpload(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @TextArg('contentType', { maxLength: 100 }) contentType: string,
    @Arg('byteSize', () => Int) byteSize: number,
  ): Promise<ProductImageUploadType> {
    const id = requireUuid(productId, 'productId', 'product');
    const upload = await requestProductImageUpload(ctx.em, id, contentType, byteSize);
    return {
      url: upload.ticket.url,
      headers: Object.entries(upload.ticket.headers).map(([name, value]) => ({ name, value })),
      expiresAt: upload.expiresAt,
      imageUrl: upload.imageUrl,
    };
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description:
      "Staff (catalog:write): adds one image after the product's others (audited), without sending the whole list: two staff adding at once both keep theirs. An https URL, or this product's own upload (requestProductImageUpload) once it arrived: BAD_USER_INPUT INVALID_URL, IMAGE_OF_ANOTHER_PRODUCT, IMAGE_NOT_UPLOADED or TOO_MANY (30) otherwise, nothing changed. An image the product has already changes nothing.",
  })
  async addProductImage(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @TextArg('imageUrl', { maxLength: productDetailLimits.urlLength }) imageUrl: string,
  ): Promise<ProductType> {
    return ProductType.from(await addProductImage(ctx.em, requireCallerId(ctx.caller), requireUuid(productId, 'productId', 'product'), imageUrl));
  }

  @Staff('catalog:write')
  @Mutation(() => ProductType, {
    description: 'Staff (catalog:write): takes one image off the product (audited; the file stays in the store). One it has not changes nothing.',
  })
  async removeProductImage(
    @Ctx() ctx: CatalogContext,
    @Arg('productId', () => ID) productId: string,
    @TextArg('imageUrl', { maxLength: productDetailLimits.urlLength }) imageUrl: string,
  ): Promise<ProductType> {
    return ProductType.from(await removeProductImage(ctx.em, requireCallerId(ctx.caller), requireUuid(productId, 'productId', 'product'), imageUrl));
  }
}
