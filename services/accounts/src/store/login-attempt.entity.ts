import { defineEntity, p } from '@mikro-orm/core';

/**
 * One failed sign-in, counted against the email tried and the client address
 * (see domain/login-throttle). Durable, so throttling holds across restarts
 * and replicas. Rows older than the longest window are purged as new ones come.
 */
export const LoginAttemptSchema = defineEntity({
  name: 'LoginAttempt',
  tableName: 'login_attempt',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    /** Normalised email as typed, whether or not an account has it (so throttling reveals nothing). */
    email: p.string().length(254),
    clientAddress: p.string().length(64),
    failedAt: p.datetime(),
    /** Cleared by a successful sign-in to that account; still counts against the address. */
    countsForAccount: p.boolean().default(true),
  },
  indexes: [{ properties: ['email', 'failedAt'] }, { properties: ['clientAddress', 'failedAt'] }, { properties: ['failedAt'] }],
});

export class LoginAttempt extends LoginAttemptSchema.class {}
LoginAttemptSchema.setClass(LoginAttempt);
