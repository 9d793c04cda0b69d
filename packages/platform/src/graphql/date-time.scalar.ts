import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * The instants the platform accepts from clients: what PostgreSQL's
 * `timestamptz` and JavaScript's Date both hold without surprises (year 0 does
 * not exist in PostgreSQL; years past 9999 do not print as ISO 8601). Nothing a
 * store schedules falls outside.
 */
export const earliestAcceptedInstant = new Date('1900-01-01T00:00:00.000Z');
export const latestAcceptedInstant = new Date('9999-12-31T23:59:59.999Z');

// RFC 3339 date-time: a full date, a time, and an offset (Z or ±hh:mm). No week dates, no bare dates.
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 instant within the accepted range, or a reason it is not one. */
export function parseInstant(value: unknown): Date | string {
  if (typeof value !== 'string') return 'must be an ISO 8601 date-time string, e.g. 2027-03-01T09:00:00Z';
  if (value.length > 40) return 'is too long to be a date-time';
  const match = rfc3339.exec(value);
  if (!match) return 'must be an ISO 8601 date-time with a time zone, e.g. 2027-03-01T09:00:00Z';
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || hour! > 23 || minute! > 59 || second! > 59) {
    return 'is not a real calendar date and time';
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return 'is not a real calendar date and time';
  if (instant < earliestAcceptedInstant || instant > latestAcceptedInstant) return 'must be between the years 1900 and 9999';
  return instant;
}

function refuse(reason: string, node?: ValueNode): never {
  throw new GraphQLError(`A date-time ${reason}.`, { nodes: node ? [node] : undefined, extensions: { code: 'BAD_USER_INPUT' } });
}

function accept(value: unknown, node?: ValueNode): Date {
  const parsed = parseInstant(value);
  return typeof parsed === 'string' ? refuse(parsed, node) : parsed;
}

/**
 * The platform's one date-time scalar (type-graphql maps every `Date` field to
 * it). Same name and output as graphql-scalars' DateTimeISO, which it replaces,
 * but an input outside 1900-9999 or not a real date is refused while the
 * request is coerced (BAD_USER_INPUT), before any resolver or database sees it.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTimeISO',
  description: 'An instant as an RFC 3339 date-time string with a time zone (e.g. 2027-03-01T09:00:00Z), between the years 1900 and 9999.',
  serialize(value) {
    const instant = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(instant.getTime())) throw new TypeError('DateTimeISO cannot represent an invalid date');
    return instant.toISOString();
  },
  parseValue: (value) => accept(value),
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) refuse('must be a string', node);
    return accept(node.value, node);
  },
});
