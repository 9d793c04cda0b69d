import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MaxLength } from '@vitrine/platform';
import type { ClaimKind, ClaimResolutionKind } from '@vitrine/contracts';
import type { ClaimGrade, ClaimIssue, DamageSeverity, PartCategory } from '@vitrine/policy';
import { ClaimGradeEnum, ClaimIssueEnum, ClaimKindEnum, ClaimResolutionEnum, DamageSeverityEnum, PartCategoryEnum } from './claim-enums.js';

@InputType('ClaimPartInput')
export class ClaimPartInput {
  @Field(() => String, {
    nullable: true,
    description: "The part as the product's parts list names it (catalog); its category then comes from the catalog. At most 120 characters.",
  })
  @IsOptional()
  @MaxLength(120)
  name?: string | null;

  @Field(() => PartCategoryEnum, {
    nullable: true,
    description: "The compensation table's category: required unless the part is named from the product's list.",
  })
  @IsOptional()
  category?: PartCategory | null;

  @Field(() => ClaimIssueEnum)
  issue!: ClaimIssue;

  @Field(() => String, { nullable: true, description: 'What is wrong with this part (at most 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@InputType('StartClaimInput')
export class StartClaimInput {
  @Field(() => ID)
  @MaxLength(36)
  orderId!: string;

  @Field(() => ID, { description: 'The delivered line the claim is about.' })
  @MaxLength(36)
  productId!: string;

  @Field(() => ClaimKindEnum)
  kind!: ClaimKind;

  @Field(() => DamageSeverityEnum, { defaultValue: 'STANDARD' })
  severity!: DamageSeverity;

  @Field(() => String, { description: 'The problem in your words (10 to 2000 characters).' })
  @MaxLength(2000)
  description!: string;

  @Field(() => [ClaimPartInput], { description: 'The parts concerned (1 to 20).' })
  @ArrayMaxSize(20)
  @ValidateNested()
  parts!: ClaimPartInput[];
}

@InputType('EvidenceUploadInput')
export class EvidenceUploadInput {
  @Field(() => String, { description: 'image/jpeg, image/png, image/webp (15 MB at most), video/mp4, video/quicktime (500 MB at most).' })
  @MaxLength(100)
  contentType!: string;

  @Field(() => Int, { description: 'The exact size of the file in bytes: the upload must match it.' })
  sizeBytes!: number;
}

@InputType('PartGradeInput')
export class PartGradeInput {
  @Field(() => ClaimGradeEnum, { nullable: true, description: "Absent: the policy's grading chart for the part's issue." })
  grade?: ClaimGrade | null;

  @Field(() => Int, { nullable: true, description: 'Minor units, only where the policy leaves the amount to staff.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  staffAmount?: number | null;
}

@InputType('DecideClaimInput')
export class DecideClaimInput {
  @Field(() => [PartGradeInput], { description: "One per part of the claim, in the claim's order." })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested()
  grades!: PartGradeInput[];

  @Field(() => [ClaimResolutionEnum], {
    nullable: true,
    description: "The policy's resolutions for the claim's kind that staff offer (e.g. no replacement part when the factory has none). Absent: all of them.",
  })
  @IsOptional()
  @ArrayMaxSize(5)
  resolutions?: ClaimResolutionKind[] | null;

  @Field(() => Int, { nullable: true, description: 'KEEP_WITH_DISCOUNT where the policy leaves the discount to staff: minor units.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  discountAmount?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'With a REPLACEMENT_PART offer: whether the studio has the parts in stock (the customer is shown when they should arrive), or makes them on demand.',
  })
  @IsOptional()
  studioHasParts?: boolean | null;

  @Field(() => String, { nullable: true, description: 'For the audit (at most 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@InputType('RefuseClaimInput')
export class RefuseClaimInput {
  @Field(() => String, { description: "The id of the policy rule refusing it, one of the claim's refusalGrounds (e.g. claims.not-covered-art-box)." })
  @MaxLength(120)
  rule!: string;

  @Field(() => String, { nullable: true, description: 'For the audit (at most 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}
