import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BadUserInput, PolicyViolation } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { writeSandboxFaults } from '../providers/sandbox/sandbox-faults.js';
import type { PaymentsContext } from './payments-context.js';
import { SandboxFaultsInput, SandboxFaultsType } from './sandbox-faults.type.js';

const within = (value: number | null | undefined, field: string, max: number): number => {
  const v = value ?? 0;
  if (!Number.isInteger(v) || v < 0 || v > max)
    throw new BadUserInput(`${field} must be between 0 and ${max}.`, [{ field, reason: 'OUT_OF_RANGE', message: `0 to ${max}.` }]);
  return v;
};

@Resolver(() => SandboxFaultsType)
export class SandboxResolver {
  @Staff('payments:write')
  @Mutation(() => SandboxFaultsType, {
    description:
      'Staff (payments:write): makes the sandbox payment provider slow, failing with 500s, or dropping or delaying its webhooks, for fault rehearsals. Outside production, with the sandbox provider only (POLICY_VIOLATION SANDBOX_ONLY otherwise).',
  })
  async setSandboxFaults(@Ctx() ctx: PaymentsContext, @Arg('input', () => SandboxFaultsInput) input: SandboxFaultsInput): Promise<SandboxFaultsType> {
    if (!ctx.runtime.sandbox || ctx.runtime.settings.NODE_ENV === 'production') {
      throw new PolicyViolation('The sandbox provider is not in use here.', 'SANDBOX_ONLY');
    }
    const now = Date.now();
    const failFor = within(input.failForSeconds, 'failForSeconds', 86_400);
    const dropFor = within(input.dropWebhooksForSeconds, 'dropWebhooksForSeconds', 86_400);
    const faults = await writeSandboxFaults(ctx.em, {
      latencyMs: within(input.latencyMs, 'latencyMs', 120_000),
      failUntil: failFor > 0 ? new Date(now + failFor * 1000) : null,
      dropWebhooksUntil: dropFor > 0 ? new Date(now + dropFor * 1000) : null,
      webhookDelayMs: within(input.webhookDelayMs, 'webhookDelayMs', 600_000),
    });
    ctx.runtime.sandbox.forgetFaults();
    return Object.assign(new SandboxFaultsType(), faults);
  }
}
