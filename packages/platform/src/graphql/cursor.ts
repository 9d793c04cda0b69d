import { BadUserInput } from '../errors/domain-error.js';

/** Opaque keyset cursors: clients must not build them, so they are base64url JSON. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string, isValid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the same error as a well-formed but foreign cursor
  }
  throw new BadUserInput('The pagination cursor is not valid; start again from the first page.', [
    { field: 'after', reason: 'INVALID_CURSOR', message: 'Not a cursor returned by this API.' },
  ]);
}

/** Page size rule shared by every connection: 1..max, default when omitted. */
export function pageSize(first: number | undefined | null, { defaultSize = 20, max = 100 } = {}): number {
  if (first === undefined || first === null) return defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadUserInput(`You can ask for between 1 and ${max} items at a time.`, [
      { field: 'first', reason: 'OUT_OF_RANGE', message: `first must be between 1 and ${max}.` },
    ]);
  }
  return first;
}
