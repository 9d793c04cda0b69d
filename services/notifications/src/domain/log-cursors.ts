import { isUuid } from '@vitrine/platform/domain';

// Where a page of a staff log ends, as its cursor carries it (base64url JSON, see platform's encodeCursor).
// Anything else decoded from a cursor is refused (INVALID_CURSOR) before the database is asked.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A partner's delivery log is read newest first by `seq` (the order deliveries are made in; a replay's copies share
 * one `created_at`). Kept as text, up to 18 digits, so the database never has to cast a number beyond a bigint.
 */
export type DeliveryLogPosition = { seq: string };
export const isDeliveryLogPosition = (v: unknown): v is DeliveryLogPosition =>
  isRecord(v) && Object.keys(v).length === 1 && typeof v.seq === 'string' && /^[1-9]\d{0,17}$/.test(v.seq);

/** Messages are read newest first by (created_at, id); the time is stored to the millisecond, as an ISO string keeps it. */
export type MessageLogPosition = { at: string; id: string };
const isIsoInstant = (at: string) => {
  const time = Date.parse(at);
  return !Number.isNaN(time) && new Date(time).toISOString() === at;
};
export const isMessageLogPosition = (v: unknown): v is MessageLogPosition =>
  isRecord(v) && Object.keys(v).length === 2 && typeof v.at === 'string' && isIsoInstant(v.at) && typeof v.id === 'string' && isUuid(v.id);
