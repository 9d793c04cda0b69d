import { Field, InputType, Int, ObjectType } from 'type-graphql';

@InputType('SandboxFaultsInput', { description: 'How the sandbox provider misbehaves from now on (fields left out: normal).' })
export class SandboxFaultsInput {
  @Field(() => Int, { nullable: true, description: 'Added to every answer, in ms (0-120000).' })
  latencyMs?: number | null;

  @Field(() => Int, { nullable: true, description: 'Answer every call with a 500 for this many seconds (0-86400).' })
  failForSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Drop webhooks instead of delivering them for this many seconds (0-86400).' })
  dropWebhooksForSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Hold each webhook this long before delivering it, in ms (0-600000).' })
  webhookDelayMs?: number | null;
}

@ObjectType('SandboxFaults', { description: 'The sandbox provider’s fault settings.' })
export class SandboxFaultsType {
  @Field(() => Int)
  latencyMs!: number;

  @Field(() => Date, { nullable: true })
  failUntil!: Date | null;

  @Field(() => Date, { nullable: true })
  dropWebhooksUntil!: Date | null;

  @Field(() => Int)
  webhookDelayMs!: number;
}
