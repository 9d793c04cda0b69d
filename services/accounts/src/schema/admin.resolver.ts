import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { grantStaffRole } from '../use-cases/grant-staff-role.js';
import { listSigningKeys, rotateSigningKey } from '../use-cases/signing-keys.js';
import type { AccountsContext } from './accounts-context.js';
import { CustomerType } from './customer.type.js';
import { SigningKeyType } from './signing-key.type.js';
import { Staff } from '../identity.js';

@Resolver()
export class AdminResolver {
  @Staff('keys:rotate')
  @Mutation(() => SigningKeyType, {
    description:
      'Admin (keys:rotate): staged rotation. Publishes a fresh key in the JWKS now; it signs new access tokens from its activatesAt (KEY_PUBLISH_LEAD_SECONDS later), when the current key retires. Tokens signed with the old key stay valid until they expire. Refused while a rotated-in key is still pending (POLICY_VIOLATION, rule ROTATION_IN_PROGRESS, extensions.activatesAt, extensions.retryAfterSeconds).',
  })
  async rotateSigningKey(@Ctx() ctx: AccountsContext): Promise<SigningKeyType> {
    const actor = requireCallerId(ctx.caller);
    return SigningKeyType.from(await rotateSigningKey(ctx.em, actor, ctx.accounts.settings.KEY_PUBLISH_LEAD_SECONDS));
  }

  @Staff('keys:rotate')
  @Query(() => [SigningKeyType], { description: 'Admin (keys:rotate): every access-token signing key with its schedule and status, the newest first.' })
  async signingKeys(@Ctx() ctx: AccountsContext): Promise<SigningKeyType[]> {
    const keys = await listSigningKeys(ctx.em);
    const now = new Date();
    return keys.map((k) => SigningKeyType.from(k, now));
  }

  @Staff('staff:grant')
  @Mutation(() => CustomerType, {
    description:
      'Admin (staff:grant): makes an account staff with exactly these back-office scopes (replacing earlier ones). Applies to tokens issued from now on.',
  })
  async grantStaffRole(
    @Ctx() ctx: AccountsContext,
    @Arg('customerId', () => ID) customerId: string,
    @TextArg('scopes', { maxLength: 64, list: { maxItems: 50 } }) scopes: string[],
  ): Promise<CustomerType> {
    const actor = requireCallerId(ctx.caller);
    const customer = await grantStaffRole(ctx.em, actor, requireUuid(customerId, 'customerId', 'customer'), scopes);
    return CustomerType.from(customer, { revealPrivate: true });
  }
}
