import { defineEntity, p } from '@mikro-orm/core';
import { ledgerAccountCodes, type LedgerAccount } from '../domain/ledger-accounts.js';
import { movementKinds, type MovementKind } from '../domain/ledger.js';

/**
 * One journal transaction: one business movement. Append-only (a trigger
 * refuses updates and deletes); `sequence` is the ledger's total order.
 */
export const LedgerTransactionSchema = defineEntity({
  name: 'LedgerTransaction',
  tableName: 'ledger_transaction',
  checks: [{ name: 'ledger_transaction_kind_known', expression: `kind in (${movementKinds.map((k) => `'${k}'`).join(', ')})` }],
  properties: {
    id: p.uuid().primary(),
    sequence: p.bigint('number').autoincrement().unique(),
    kind: p.string().length(32).$type<MovementKind>(),
    /** The charge's purpose, the fee's or the refund's reason; null for a shipment. */
    reason: p.string().length(32).nullable(),
    intentId: p.uuid().nullable(),
    refundId: p.uuid().nullable(),
    createdAt: p.datetime(),
  },
});

export class LedgerTransaction extends LedgerTransactionSchema.class {}
LedgerTransactionSchema.setClass(LedgerTransaction);

/**
 * A signed posting (debit +, credit -) in minor units. A deferred constraint
 * trigger refuses, at commit, any transaction whose postings do not sum to
 * zero in each currency.
 */
export const LedgerPostingSchema = defineEntity({
  name: 'LedgerPosting',
  tableName: 'ledger_posting',
  checks: [
    { name: 'ledger_posting_account_known', expression: `account in (${ledgerAccountCodes.map((a) => `'${a}'`).join(', ')})` },
    { name: 'ledger_posting_amount_not_zero', expression: 'amount <> 0' },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    transactionId: p.uuid().index(),
    account: p.string().length(32).$type<LedgerAccount>(),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    orderId: p.uuid().nullable().index(),
    chargeId: p.string().length(255).nullable(),
    refundId: p.uuid().nullable(),
    providerRefundId: p.string().length(255).nullable(),
  },
});

export class LedgerPosting extends LedgerPostingSchema.class {}
LedgerPostingSchema.setClass(LedgerPosting);
