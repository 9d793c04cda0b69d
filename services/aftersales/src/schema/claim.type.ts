import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { Claim } from '../store/claim.entity.js';
import type { Evidence } from '../store/evidence.entity.js';
import { ClaimGradeEnum, ClaimIssueEnum, ClaimKindEnum, ClaimResolutionEnum, ClaimStatusEnum, DamageSeverityEnum, PartCategoryEnum } from './claim-enums.js';

@ObjectType('ClaimPart')
export class ClaimPartType {
  @Field(() => PartCategoryEnum)
  category!: string;

  @Field(() => ClaimIssueEnum)
  issue!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('ClaimRule', { description: 'The store-policy rule that decided something: a stable id and a sentence.' })
export class ClaimRuleType {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  text!: string;
}

@ObjectType('GradedPart')
export class GradedPartType {
  @Field(() => PartCategoryEnum)
  category!: string;

  @Field(() => ClaimGradeEnum)
  grade!: string;

  @Field(() => Money, { nullable: true })
  amount!: Money | null;

  @Field(() => ClaimRuleType)
  rule!: ClaimRuleType;
}

@ObjectType('Evidence')
export class EvidenceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => String, { description: 'PENDING until the claim is submitted and the file found in storage, then CONFIRMED.' })
  status!: string;

  static from(e: Evidence): EvidenceType {
    return Object.assign(new EvidenceType(), { id: e.id, kind: e.kind, contentType: e.contentType, sizeBytes: e.sizeBytes, status: e.status });
  }
}

@ObjectType('Claim', { description: 'A claim on a delivered order line, judged by the policy version of its order.' })
export class ClaimType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ClaimKindEnum)
  kind!: string;

  @Field(() => DamageSeverityEnum)
  severity!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [ClaimPartType])
  parts!: ClaimPartType[];

  @Field(() => ClaimStatusEnum)
  status!: string;

  @Field(() => Int)
  policyVersion!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => ClaimResolutionEnum, { nullable: true })
  resolution!: string | null;

  @Field(() => Money, { nullable: true, description: 'The partial refund decided, capped by what the line paid less earlier refunds.' })
  refund!: Money | null;

  @Field(() => [GradedPartType], { description: 'How staff graded each part, with the rule that set its amount.' })
  gradedParts!: GradedPartType[];

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  static from(claim: Claim): ClaimType {
    return Object.assign(new ClaimType(), {
      ...claim,
      parts: claim.parts.map((p) => Object.assign(new ClaimPartType(), p)),
      refund: claim.refundAmount == null ? null : Money.of(claim.refundAmount, claim.currency),
      gradedParts: (claim.gradedParts ?? []).map((p) =>
        Object.assign(new GradedPartType(), {
          ...p,
          amount: p.amount === null ? null : Money.of(p.amount, claim.currency),
          rule: Object.assign(new ClaimRuleType(), p.rule),
        }),
      ),
    });
  }
}

@ObjectType('UploadHeader')
export class UploadHeaderType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('EvidenceUpload', { description: 'PUT the file to `url` with exactly these headers before `expiresAt`; then submit the claim.' })
export class EvidenceUploadType {
  @Field(() => EvidenceType)
  evidence!: EvidenceType;

  @Field(() => String)
  url!: string;

  @Field(() => [UploadHeaderType])
  headers!: UploadHeaderType[];

  @Field(() => Date)
  expiresAt!: Date;
}
