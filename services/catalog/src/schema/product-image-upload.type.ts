import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProductImageUploadHeader')
export class ProductImageUploadHeaderType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('ProductImageUpload', {
  description: 'PUT the image to `url` with exactly these headers before `expiresAt`; then add `imageUrl` to the product’s images (updateProduct).',
})
export class ProductImageUploadType {
  @Field(() => String)
  url!: string;

  @Field(() => [ProductImageUploadHeaderType])
  headers!: ProductImageUploadHeaderType[];

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, { description: 'Where customers will read the image (public); the product takes it once the upload arrived.' })
  imageUrl!: string;
}

@ObjectType('ProductImageLimits', { description: 'What an uploaded product image may be (the store’s limits).' })
export class ProductImageLimitsType {
  @Field(() => [String])
  contentTypes!: string[];

  @Field(() => Int)
  maxBytes!: number;
}
