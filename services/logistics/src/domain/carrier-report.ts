import { isCarrierStepStatus, type CarrierStepStatus } from './carrier-step.js';

/**
 * A step as a carrier's webhook reports it, once its signature is checked:
 * `{ "trackingNumber": "...", "status": "DELIVERED", "occurredAt": "<ISO 8601>", "note": "..." }`.
 * Read tolerantly: fields we do not know are ignored, a status we do not
 * know is kept as `status: null` (acknowledged, nothing recorded), a long
 * note is cut to what the history keeps.
 */
export interface CarrierReport {
  trackingNumber: string;
  /** Null: a step this store does not track (the raw value is in `reportedStatus`). */
  status: CarrierStepStatus | null;
  reportedStatus: string;
  occurredAt: Date | null;
  note: string | null;
}

const noteLimit = 200;

/** The report in a verified body, or null when the body is not one (not JSON, no tracking number or status, a bad date). */
export function readCarrierReport(body: string): CarrierReport | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { trackingNumber, status, occurredAt, note } = parsed as Record<string, unknown>;
  if (typeof trackingNumber !== 'string' || trackingNumber.length < 1 || trackingNumber.length > 80) return null;
  if (typeof status !== 'string' || status.length < 1 || status.length > 40) return null;
  let at: Date | null = null;
  if (occurredAt !== undefined && occurredAt !== null) {
    if (typeof occurredAt !== 'string') return null;
    at = new Date(occurredAt);
    if (Number.isNaN(at.getTime())) return null;
  }
  const upper = status.toUpperCase();
  return {
    trackingNumber: trackingNumber.trim(),
    status: isCarrierStepStatus(upper) ? upper : null,
    reportedStatus: upper,
    occurredAt: at,
    note: typeof note === 'string' && note.trim() ? note.trim().slice(0, noteLimit) : null,
  };
}
