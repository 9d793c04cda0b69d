import type { EntityManager } from '@mikro-orm/postgresql';
import { adoptSandboxOffset, advanceSandboxClock, BadUserInput, type SandboxOffset } from '@vitrine/platform';
import { orders } from '../identity.js';
import { recordAudit } from './record-audit.js';

const hour = 3_600_000;
/** One move at most: a rehearsal walks a policy through weeks, not years. */
const maxMoveHours = 24 * 400;

/**
 * Staff move the store's sandbox clock forward to rehearse the policy ("what
 * happens on day 8?"): every service's rules and durable timers follow.
 * Refused in production.
 */
export async function moveSandboxClock(em: EntityManager, actor: string | null, hours: number, production: boolean): Promise<SandboxOffset> {
  if (!Number.isInteger(hours) || hours < 1 || hours > maxMoveHours) {
    throw new BadUserInput('Move the clock by a whole number of hours.', [{ field: 'hours', reason: 'OUT_OF_RANGE', message: `1 to ${maxMoveHours} hours.` }]);
  }
  const moved = await em.transactional(async (tx) => {
    const next = await advanceSandboxClock(tx, orders, { byMs: hours * hour, actor, production });
    recordAudit(tx, actor, 'sandbox.clock-advanced', 'sandbox-clock', { hours, offsetMs: next.offsetMs });
    return next;
  });
  adoptSandboxOffset(moved);
  return moved;
}
