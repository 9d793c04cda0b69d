import { isUuid } from '@vitrine/platform/domain';

/**
 * Where a page of the shipment queue ends (oldest first, by opened_at then id), as its cursor carries it. The time
 * is stored to the millisecond, so its ISO string keeps it whole; anything else decoded from a cursor is refused.
 */
export type QueuePosition = { at: string; id: string };

export function isQueuePosition(value: unknown): value is QueuePosition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { at, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof at !== 'string' || typeof id !== 'string' || !isUuid(id)) return false;
  const time = Date.parse(at);
  return !Number.isNaN(time) && new Date(time).toISOString() === at;
}
