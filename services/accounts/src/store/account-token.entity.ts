import { defineEntity, p } from '@mikro-orm/core';
import type { AccountTokenPurpose } from '../domain/account-token.js';

/**
 * A single-use, expiring token sent by email (password reset, email
 * verification, email change). Only its SHA-256 is stored; the raw token
 * exists in the outbox event for the notifications service.
 */
export const AccountTokenSchema = defineEntity({
  name: 'AccountToken',
  tableName: 'account_token',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    purpose: p.string().length(24).$type<AccountTokenPurpose>(),
    tokenHash: p.string().length(64).unique(),
    /** For EMAIL_CHANGE: the address the customer moves to. */
    newEmail: p.string().length(254).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});

export class AccountToken extends AccountTokenSchema.class {}
AccountTokenSchema.setClass(AccountToken);
