import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '@vitrine/platform';
import type { Claim } from '../store/claim.entity.js';
import type { Evidence } from '../store/evidence.entity.js';
import {
  ClaimGradeEnum,
  ClaimIssueEnum,
  ClaimKindEnum,
  ClaimResolutionEnum,
  ClaimStatusEnum,
  DamageSeverityEnum,
  LeadTimeOutcomeEnum,
  PartCategoryEnum,
  ReturnedConditionEnum,
  ReturnPostageEnum,
} from './claim-enums.js';

@ObjectType('ClaimPart')
export class ClaimPartType {
  @Field(() => String, { nullable: true, description: "The part's name in the product's parts list (catalog), when the customer named it so." })
  name!: string | null;

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

  /** The sentence as decided (English); ClaimRuleResolver words it in the language asked for. */
  @Field(() => String, {
    description: "The sentence in the language asked for: the policy version's wording of the rule, or after-sales' own for the rules it states itself.",
  })
  text!: string;

  /** Not in the schema: the policy version it was decided under, which `text` is worded again from. */
  policyVersion!: number;

  static of(rule: { id: string; text: string }, policyVersion: number): ClaimRuleType {
    return Object.assign(new ClaimRuleType(), { id: rule.id, text: rule.text, policyVersion });
  }
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

@ObjectType('ReplacementLeadTime', { description: "When a replacement part should reach you, counted on the store's clock from the offer." })
export class ReplacementLeadTimeType {
  @Field(() => LeadTimeOutcomeEnum)
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'The earliest day (YYYY-MM-DD, in the store’s time zone).' })
  earliest!: string | null;

  @Field(() => String, { nullable: true, description: 'The latest day (YYYY-MM-DD).' })
  latest!: string | null;

  @Field(() => ClaimRuleType)
  rule!: ClaimRuleType;
}

@ObjectType('ClaimOffer', { description: 'A resolution offered to the customer, under the rule that allows it (or caps its amount).' })
export class ClaimOfferType {
  @Field(() => ClaimResolutionEnum)
  resolution!: string;

  @Field(() => Money, {
    nullable: true,
    description:
      'PARTIAL_REFUND, KEEP_WITH_DISCOUNT: what you get back (capped by what the line has left); RETURN: what you get back once the item is received.',
  })
  refund!: Money | null;

  @Field(() => ReturnPostageEnum, { nullable: true, description: 'RETURN: who pays the postage.' })
  returnPostage!: string | null;

  @Field(() => ReplacementLeadTimeType, { nullable: true, description: 'REPLACEMENT_PART: when the part should arrive.' })
  leadTime!: ReplacementLeadTimeType | null;

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

  // Not in the schema: where the file is, and whose claim it is (who besides staff may look at it: `viewUrl`).
  objectKey!: string;
  customerId!: string | null;

  /** `customerId`: the claim's customer, or null where the evidence is shown without its claim (no `viewUrl` then). */
  static from(e: Evidence, customerId: string | null): EvidenceType {
    return Object.assign(new EvidenceType(), {
      id: e.id,
      kind: e.kind,
      contentType: e.contentType,
      sizeBytes: e.sizeBytes,
      status: e.status,
      objectKey: e.objectKey,
      customerId,
    });
  }
}

@ObjectType('Claim', { description: 'A claim on a delivered order line, judged by the policy version of its order.' })
export class ClaimType {
  @Field(() => ID)
  id!: string;

  // Not in the schema (staff filter by it): whose claim it is, for its evidence's `viewUrl`.
  customerId!: string;

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

  @Field(() => Date, { nullable: true, description: 'When staff took it into review (UNDER_REVIEW and after, when it was reviewed).' })
  reviewStartedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'NEEDS_MORE_EVIDENCE: what staff asked you to add.' })
  evidenceRequest!: string | null;

  @Field(() => [ClaimOfferType], { description: "What staff offered (DECIDED and after), in the policy's order of preference." })
  offers!: ClaimOfferType[];

  @Field(() => [GradedPartType], { description: 'How staff graded each part, with the rule that set its amount.' })
  gradedParts!: GradedPartType[];

  @Field(() => ClaimRuleType, { nullable: true, description: 'REFUSED: the policy rule it was refused under.' })
  refusal!: ClaimRuleType | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => ClaimResolutionEnum, { nullable: true, description: 'The resolution the customer chose.' })
  resolution!: string | null;

  @Field(() => Money, {
    nullable: true,
    description: "The chosen resolution's refund, capped by what the line paid less earlier refunds (a return: paid when the item is received).",
  })
  refund!: Money | null;

  @Field(() => ReturnedConditionEnum, { nullable: true, description: 'RETURN: the condition staff found the item in when it came back.' })
  returnCondition!: string | null;

  @Field(() => Date, { nullable: true })
  chosenAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'EXCHANGE: HELD when a new unit waits in a warehouse for the replacement parcel, UNAVAILABLE when none is in stock (staff offer something else).',
  })
  exchangeUnit!: string | null;

  @Field(() => ID, { nullable: true, description: 'EXCHANGE: the warehouse holding the new unit.' })
  exchangeWarehouseId!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  static from(claim: Claim): ClaimType {
    const money = (amount: number | null | undefined) => (amount == null ? null : Money.of(amount, claim.currency));
    const rule = (r: { id: string; text: string }) => ClaimRuleType.of(r, claim.policyVersion);
    return Object.assign(new ClaimType(), {
      ...claim,
      parts: claim.parts.map((p) => Object.assign(new ClaimPartType(), { ...p, name: p.name ?? null })),
      refund: money(claim.refundAmount),
      offers: (claim.offers ?? []).map((o) =>
        Object.assign(new ClaimOfferType(), {
          ...o,
          refund: money(o.refund),
          leadTime: o.leadTime ? Object.assign(new ReplacementLeadTimeType(), { ...o.leadTime, rule: rule(o.leadTime.rule) }) : null,
          rule: rule(o.rule),
        }),
      ),
      gradedParts: (claim.gradedParts ?? []).map((p) => Object.assign(new GradedPartType(), { ...p, amount: money(p.amount), rule: rule(p.rule) })),
      refusal: claim.refusalRule ? rule(claim.refusalRule) : null,
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
