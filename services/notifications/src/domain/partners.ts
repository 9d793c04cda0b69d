import { isPublicEventType, publicEventTypes } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';
import type { RetrySchedule } from './delivery.js';

/** The events partners may subscribe to: contracts' public event types (the same ones the public topics carry). */
export const partnerEventTypes = publicEventTypes;
export const isPartnerEventType = isPublicEventType;

export const partnerNameMaxLength = 100;
export const webhookUrlMaxLength = 500;

export interface PartnerInput {
  name: string;
  webhookUrl: string;
  eventTypes: readonly string[];
}

/** Every problem with a partner's settings at once; none means they can be saved. */
export function checkPartnerInput(input: PartnerInput, options: { allowPlainHttp: boolean }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > partnerNameMaxLength) {
    problems.push({ field: 'name', reason: 'LENGTH', message: `A partner's name is 1 to ${partnerNameMaxLength} characters.` });
  }
  let url: URL | undefined;
  try {
    url = new URL(input.webhookUrl);
  } catch {
    problems.push({ field: 'webhookUrl', reason: 'INVALID_URL', message: 'The webhook URL is not a URL.' });
  }
  if (url && !(url.protocol === 'https:' || (options.allowPlainHttp && url.protocol === 'http:'))) {
    problems.push({ field: 'webhookUrl', reason: 'INSECURE_URL', message: 'Webhooks are sent over https only.' });
  }
  if (url && (url.username || url.password)) {
    problems.push({ field: 'webhookUrl', reason: 'CREDENTIALS_IN_URL', message: 'Put no credentials in the URL: deliveries are signed.' });
  }
  if (input.eventTypes.length === 0) problems.push({ field: 'eventTypes', reason: 'EMPTY', message: 'Subscribe to at least one event type.' });
  for (const type of input.eventTypes) {
    if (!isPartnerEventType(type))
      problems.push({ field: 'eventTypes', reason: 'UNKNOWN_EVENT_TYPE', message: `${type.slice(0, 80)} is not an event partners can receive.` });
  }
  return problems;
}

export interface PartnerSettings {
  name: string;
  webhookUrl: string;
  eventTypes: string[];
}

/** Settings as stored: the name trimmed, each event type once, sorted. */
export function normalizedSettings(input: PartnerInput): PartnerSettings {
  return { name: input.name.trim(), webhookUrl: input.webhookUrl, eventTypes: [...new Set(input.eventTypes)].sort() };
}

export type PartnerSettingsChange =
  { field: 'name' | 'webhookUrl'; from: string; to: string } | { field: 'eventTypes'; from: string[]; to: string[]; dropped: string[] };

export type PartnerUpdateDecision =
  | { kind: 'REFUSED'; problems: FieldProblem[] }
  | { kind: 'REMOVED' }
  | { kind: 'UPDATED'; settings: PartnerSettings; changes: PartnerSettingsChange[]; droppedEventTypes: string[] };

/**
 * Staff change a partner's settings: the fields given replace the current
 * ones, and the result is checked as a new partner's would be (every problem
 * at once; nothing changes on refusal). A removed partner is not changed.
 * Event types no longer granted are named, so what waits for them is not sent.
 */
export function decidePartnerUpdate(
  current: PartnerSettings & { removedAt?: Date | null },
  input: Partial<PartnerInput>,
  options: { allowPlainHttp: boolean },
): PartnerUpdateDecision {
  if (current.removedAt) return { kind: 'REMOVED' };
  const wanted: PartnerInput = {
    name: input.name ?? current.name,
    webhookUrl: input.webhookUrl ?? current.webhookUrl,
    eventTypes: input.eventTypes ?? current.eventTypes,
  };
  const problems = checkPartnerInput(wanted, options);
  if (problems.length > 0) return { kind: 'REFUSED', problems };
  const settings = normalizedSettings(wanted);
  const droppedEventTypes = current.eventTypes.filter((type) => !settings.eventTypes.includes(type));
  const changes: PartnerSettingsChange[] = [];
  if (settings.name !== current.name) changes.push({ field: 'name', from: current.name, to: settings.name });
  if (settings.webhookUrl !== current.webhookUrl) changes.push({ field: 'webhookUrl', from: current.webhookUrl, to: settings.webhookUrl });
  if (settings.eventTypes.join() !== [...current.eventTypes].sort().join())
    changes.push({ field: 'eventTypes', from: current.eventTypes, to: settings.eventTypes, dropped: droppedEventTypes });
  return { kind: 'UPDATED', settings, changes, droppedEventTypes };
}

/** Why a waiting delivery was not sent (its state says so in the log). */
export const notSentBecause = {
  partnerRemoved: 'Not sent: the partner was removed.',
  eventTypeDropped: (type: string) => `Not sent: the partner no longer receives ${type}.`,
} as const;

/**
 * What becomes of a delivery when its turn comes: sent, or cancelled because
 * the partner was removed or no longer receives its event type (settings at
 * send time win over settings at the time of the event, for replays too).
 */
export function deliveryFate(
  partner: { removedAt?: Date | null; eventTypes: readonly string[] },
  eventType: string,
): { send: true } | { send: false; reason: string } {
  if (partner.removedAt) return { send: false, reason: notSentBecause.partnerRemoved };
  if (!partner.eventTypes.includes(eventType)) return { send: false, reason: notSentBecause.eventTypeDropped(eventType) };
  return { send: true };
}

/** Retried for more than three days (10 s doubling to hourly); then the endpoint is disabled until it is enabled again. */
export const defaultWebhookRetry: RetrySchedule = { baseMs: 10_000, maxMs: 60 * 60_000, maxAttempts: 85 };

/** A new secret still signs, next to the old one, for this long after a rotation (partners switch over meanwhile). */
export const secretOverlapMs = 24 * 3_600_000;

/** The secrets a delivery is signed with: the current one, and the previous one while the overlap lasts. */
export function signingSecrets(partner: { secret: string; previousSecret?: string | null; previousSecretUntil?: Date | null }, now: Date): string[] {
  return partner.previousSecret && partner.previousSecretUntil && partner.previousSecretUntil > now
    ? [partner.secret, partner.previousSecret]
    : [partner.secret];
}

/** A 2xx answer is a delivery; anything else (or none) is tried again. */
export function isDelivered(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
