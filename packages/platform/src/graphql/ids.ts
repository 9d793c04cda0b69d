import { BadUserInput } from '../errors/domain-error.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** Ids are UUIDs; anything else is a client mistake, reported before touching the database. */
export function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value)) {
    throw new BadUserInput(`"${value.slice(0, 64)}" is not a valid ${what} id.`, [{ field, reason: 'MALFORMED_ID', message: `${field} must be a UUID.` }]);
  }
  return value.toLowerCase();
}
