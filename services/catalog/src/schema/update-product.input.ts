import { MaxLength } from '@vitrine/platform';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AssemblyInput, DownPaymentInput, PackageDimensionsInput, ProductPartInput } from './product-details.input.js';

/** Only the fields given change; null clears a field that may be empty. */
@InputType('UpdateProductInput', {
  description: 'Descriptive fields to change; fields left out stay as they are, null clears. Price, status and sale rules have their own mutations.',
})
export class UpdateProductInput {
  @MaxLength(400)
  @Field(() => String, { nullable: true })
  name?: string | null;

  @MaxLength(20000)
  @Field(() => String, { nullable: true })
  description?: string | null;

  @MaxLength(2048)
  @Field(() => [String], {
    nullable: true,
    description:
      'Replaces the list: https URLs, or this product’s uploaded images (refused: IMAGE_NOT_UPLOADED, IMAGE_OF_ANOTHER_PRODUCT), first is the cover.',
  })
  images?: string[] | null;

  @MaxLength(240)
  @Field(() => String, { nullable: true })
  series?: string | null;

  @MaxLength(240)
  @Field(() => String, { nullable: true })
  licence?: string | null;

  @Field(() => ID, { nullable: true })
  studioId?: string | null;

  @MaxLength(32)
  @Field(() => String, { nullable: true, description: 'Spec. "1/7" (1/1 to 1/999) or "Non-scale".' })
  scale?: string | null;

  @MaxLength(400)
  @Field(() => String, { nullable: true, description: 'Spec.' })
  material?: string | null;

  @Field(() => Int, { nullable: true, description: 'Spec: package weight in grams.' })
  weightGrams?: number | null;

  @Field(() => PackageDimensionsInput, { nullable: true, description: 'Spec.' })
  packageDimensions?: PackageDimensionsInput | null;

  @Field(() => AssemblyInput, { nullable: true, description: 'Spec.' })
  assembly?: AssemblyInput | null;

  @Field(() => [ProductPartInput], { nullable: true, description: 'Spec: replaces the parts list.' })
  parts?: ProductPartInput[] | null;

  @Field(() => DownPaymentInput, { nullable: true })
  downPayment?: DownPaymentInput | null;
}
