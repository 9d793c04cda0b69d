/** Stable codes clients may switch on; they are part of the public API. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'POLICY_VIOLATION' | 'SERVICE_UNAVAILABLE';

export interface FieldProblem {
  field: string;
  reason: string;
  message: string;
  // Facts a client may word the problem from in its own language (the storefront's French), beside the message:
  /** The smallest accepted (a length, a quantity). */
  min?: number;
  /** The largest accepted. */
  max?: number;
  /** A per-customer limit, what the customer already holds of it, and the total asked. */
  limit?: number;
  held?: number;
  total?: number;
  /** The status or the country the refusal depends on. */
  status?: string;
  country?: string;
  /** The product a line's problem is about. */
  productId?: string;
}

/**
 * An expected failure: its message is written for the customer and reaches
 * them as-is. Anything else thrown is a bug and is reported as
 * INTERNAL_SERVER_ERROR without details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { problems?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadUserInput extends DomainError {
  constructor(message: string, problems: FieldProblem[] = []) {
    super('BAD_USER_INPUT', message, { problems });
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found.`, { id });
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Please sign in first.') {
    super('UNAUTHENTICATED', message);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class PolicyViolation extends DomainError {
  constructor(message: string, rule: string, details: Record<string, unknown> = {}) {
    super('POLICY_VIOLATION', message, { rule, ...details });
  }
}

/** Something this service depends on cannot answer now; trying again later may work. */
export class ServiceUnavailable extends DomainError {
  constructor(message = 'This is unavailable for a moment. Please try again shortly.') {
    super('SERVICE_UNAVAILABLE', message);
  }
}
