import type { PaymentFailureKind } from '../../__generated__/app/graphql.js';
import { everyValue } from './every-value.js';
import type { Locale } from './format.js';
import { refusalsFr } from './messages/refusals.fr.js';

// The API's refusals in the customer's language. The API writes its messages in English for customers and gives each
// refusal a stable `extensions.code`, a rule id for policy refusals (`extensions.rule`, and the store policy's own
// sentence in each language it is worded in, `extensions.ruleTexts`) and, for bad input, field problems with a `reason`
// code; payments' card failures carry a kind. This file renders those codes in French from the refusal's structured
// data (limits, counts, dates, the policy's French) and keeps the API's English message for English pages and for
// anything it does not know: **an unknown code, rule or reason, or a known one whose data the API did not send, falls
// back to the API's own English sentence** (so a new refusal is readable before it is translated). The back office
// never calls this: it stays English.

/** What the API said when it refused: its stable code, its (English) message and the rest of its extensions. */
export interface Refusal {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** One of a BAD_USER_INPUT's field problems (`field` dotted, e.g. `lines.0.quantity`), with any facts it carries. */
export interface Problem {
  field: string;
  reason: string;
  message: string;
  [fact: string]: unknown;
}

/** A sentence from a refusal's facts; null when a fact it needs is missing (the API's English is shown instead). */
export type Sentence = (facts: Facts) => string | null;

/** The facts a sentence may use: the refusal's extensions or the problem's fields, read safely. */
export interface Facts {
  number(name: string): number | null;
  text(name: string): string | null;
  list(name: string): string[] | null;
  /** The store policy's sentence for the refusal's rule in this language, as the API sent it (null: not worded in it). */
  policyRule(): string | null;
}

/** Codes answered with one sentence whatever the refusal (no rule, no problems to tell apart). */
export const genericCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'UNREACHABLE',
  'BAD_RESPONSE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_REQUIRED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type GenericCode = (typeof genericCodes)[number];

/**
 * POLICY_VIOLATION's `rule` and CONFLICT's `rule` (or, for a conflict without one, `field:<field>`): every refusal a
 * storefront page can meet that is worded from data the API sends. A store policy's rules (packages/policy) are not
 * listed: the API sends their sentences in French itself (`ruleTexts`).
 */
export const ruleKeys = [
  // accounts
  'LOGIN_THROTTLED',
  'REGION_LOCKED_BY_OPEN_ORDERS',
  'UNSHIPPED_ORDERS',
  'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT',
  'PROVIDER_ALREADY_LINKED',
  'LAST_SIGN_IN_METHOD',
  'PASSWORD_ALREADY_SET',
  'field:email',
  'field:token',
  // orders
  'CUSTOMER_BLOCKED',
  'FULL_PAYMENT_NOT_OFFERED',
  'ORDER_ENDED',
  'ORDER_SHIPPED',
  'field:idempotencyKey',
  'field:quoteToken',
  // payments
  'PAYMENT_IN_PROGRESS',
  'ALREADY_PAID',
  'NOTHING_OWED',
  'DUE_WAIVED',
  'ORDER_NOT_PAYABLE',
  'MIXED_CURRENCIES',
  'BULK_PAYMENT_PURPOSE',
  'NOTHING_TO_CONFIRM',
  // catalog (notify me, waitlist)
  'AVAILABLE_NOW',
  'NOT_COMING_BACK',
  'NOT_SOLD_OUT',
  // after-sales (claims, evidence, returns)
  'claims.after-delivery',
  'claims.evidence',
  'claims.report-window',
  'claims.evidence-before-submission',
  'claims.evidence-by-customer',
  'claims.submitted-by-customer',
] as const;
export type RuleKey = (typeof ruleKeys)[number];

/**
 * BAD_USER_INPUT problems: `<last segment of the field>:<reason>` where the reason alone is ambiguous across forms,
 * else the reason.
 */
export const problemKeys = [
  // passwords (sign-up, change, reset, set)
  'TOO_SHORT',
  'TOO_LONG',
  'FULL_WIDTH_CHARACTER',
  'CONTAINS_SPACE',
  'SYMBOL_NOT_ALLOWED',
  'MISSING_LOWERCASE',
  'MISSING_UPPERCASE',
  'MISSING_DIGIT',
  'MISSING_SYMBOL',
  'COMMON_PASSWORD',
  'INCORRECT_PASSWORD',
  'password:REQUIRED',
  // account
  'INVALID_EMAIL',
  'SAME_EMAIL',
  'UNKNOWN_COUNTRY',
  'LINK_EXPIRED',
  'LINK_INVALID',
  'CONFIRMATION_EXPIRED',
  'CONFIRMATION_INVALID',
  'UNKNOWN_IDENTITY',
  'displayName:INVALID_LENGTH',
  'INVALID_CHARACTER',
  // checkout
  'lines:EMPTY',
  'TOO_MANY_LINES',
  'UNKNOWN_PRODUCT',
  'productId:MALFORMED_ID',
  'quantity:OUT_OF_RANGE',
  'NOT_ORDERABLE',
  'REGION_UNKNOWN',
  'BLOCKED_IN_REGION',
  'OVER_PRODUCT_LIMIT',
  'OVER_CUSTOMER_LIMIT',
  'MIXED_PREORDER_AND_STOCK',
  'lines:MIXED_CURRENCIES',
  'SEVERAL_PREORDERS',
  'CURRENCY_NOT_ACCEPTED',
  'OUTSIDE_REGION',
  'PAYMENT_METHOD_REQUIRED',
  'INVALID_IDEMPOTENCY_KEY',
  // payments
  'orderIds:REQUIRED',
  'orderIds:DUPLICATE',
  'PURPOSE_REQUIRED',
  'EXACTLY_ONE',
  // claims and evidence
  'description:TOO_SHORT',
  'parts:REQUIRED',
  'NOT_IN_ORDER',
  'UNKNOWN_PART',
  'NOT_UPLOADED',
  'NOT_AS_ANNOUNCED',
  'CONTENT_TYPE_NOT_ALLOWED',
  'sizeBytes:TOO_LARGE',
  'sizeBytes:EMPTY',
  'TOO_MANY_FILES',
  'resolution:NOT_OFFERED',
  // staff forms (the back office in French): a change that needs its reason, a spec change naming nothing
  'reason:REQUIRED',
  'changes:REQUIRED',
] as const;
export type ProblemKey = (typeof problemKeys)[number];

/** Payments' `PaymentFailure.kind`: why a card payment did not go through (the whole API enum, held by the type checker). */
export const cardFailureKinds = everyValue<PaymentFailureKind>()([
  'CARD_DECLINED',
  'INSUFFICIENT_FUNDS',
  'EXPIRED_CARD',
  'INCORRECT_CARD_DETAILS',
  'AUTHENTICATION_REQUIRED',
  'PROVIDER_UNAVAILABLE',
  'PAYMENT_FAILED',
]);

/** A language's refusals: every key has its sentence (the type checks it). */
export interface RefusalWords {
  codes: Record<GenericCode, Sentence>;
  /** A login refused with UNAUTHENTICATED: the email or the password is wrong. */
  wrongCredentials: string;
  rules: Record<RuleKey, Sentence>;
  problems: Record<ProblemKey, Sentence>;
  cardFailures: Record<PaymentFailureKind, string>;
}

const catalogues: Partial<Record<Locale, RefusalWords>> = { fr: refusalsFr };

const includes = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

export function factsOf(data: Record<string, unknown>, locale?: Locale): Facts {
  return {
    policyRule: () => {
      const texts = data.ruleTexts;
      const text = locale && typeof texts === 'object' && texts !== null ? (texts as Record<string, unknown>)[locale] : null;
      return typeof text === 'string' && text !== '' ? text : null;
    },
    number: (name) => {
      const value = data[name];
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    },
    text: (name) => {
      const value = data[name];
      return typeof value === 'string' && value !== '' ? value : null;
    },
    list: (name) => {
      const value: unknown = data[name];
      return Array.isArray(value) && value.every((v): v is string => typeof v === 'string') ? value : null;
    },
  };
}

function problemsOf(refusal: Refusal): Problem[] {
  const problems = refusal.details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is Problem => typeof p === 'object' && p !== null && typeof p.field === 'string' && typeof p.reason === 'string' && typeof p.message === 'string',
  );
}

/** The key a problem is worded under: `<field's last name>:<reason>` when the catalogue has it, else the reason. */
export function problemKey(problem: Pick<Problem, 'field' | 'reason'>): ProblemKey | null {
  const last = problem.field.split('.').findLast((part) => !/^\d+$/.test(part)) ?? problem.field;
  const specific = `${last}:${problem.reason}`;
  if (includes(problemKeys, specific)) return specific;
  return includes(problemKeys, problem.reason) ? problem.reason : null;
}

/** The English the page showed before: the API's message, with its problems' own when the form lists them. */
function english(refusal: Refusal, withProblems: boolean): string {
  if (!withProblems) return refusal.message;
  const said = problemsOf(refusal)
    .map((p) => p.message)
    .filter((m) => m.length > 0 && m.length <= 400 && m !== refusal.message);
  return [refusal.message, ...new Set(said)].join(' ');
}

export interface RefusalOptions {
  /** The page lists the problems after the message in English too (forms whose problems say what to fix). */
  withProblems?: boolean;
  /** A sign-in: UNAUTHENTICATED means the email or password is wrong, not "sign in first". */
  signIn?: boolean;
}

/**
 * The refusal as the customer reads it in their language. English: the API's message (and its problems' with
 * `withProblems`). French: the sentence for its code and rule, or its problems' sentences one after the other;
 * anything unknown, or missing a fact the sentence needs, is the API's English.
 */
export function refusalIn(locale: Locale, refusal: Refusal, options: RefusalOptions = {}): string {
  const words = catalogues[locale];
  if (!words) return english(refusal, options.withProblems ?? false);
  return renderRefusal(locale, words, refusal, options) ?? english(refusal, options.withProblems ?? false);
}

function renderRefusal(locale: Locale, words: RefusalWords, refusal: Refusal, options: RefusalOptions): string | null {
  const facts = factsOf(refusal.details, locale);
  const { code } = refusal;
  if (code === 'UNAUTHENTICATED' && options.signIn) return words.wrongCredentials;
  if (code === 'POLICY_VIOLATION' || code === 'CONFLICT') {
    // A conflict names the field it is about (a quote's token also names the rule now in force): that comes first.
    const rule = facts.text('rule');
    const field = facts.text('field');
    const key = code === 'CONFLICT' && field ? `field:${field}` : (rule ?? (field ? `field:${field}` : null));
    if (includes(ruleKeys, key)) return words.rules[key](facts);
    // Refused by the order's store policy (a cancellation, a return, a claim): the policy's own sentence.
    if (code === 'POLICY_VIOLATION' && rule) return facts.policyRule();
    return null;
  }
  if (code === 'BAD_USER_INPUT') {
    const problems = problemsOf(refusal);
    if (problems.length === 0) return null;
    const sentences = problems.map((p) => {
      const key = problemKey(p);
      return (key && words.problems[key](factsOf(p))) ?? p.message;
    });
    return [...new Set(sentences)].join(' ');
  }
  if (includes(genericCodes, code)) return words.codes[code](facts);
  return null;
}

/** A card payment's failure (payments' `PaymentFailure`) in the customer's language: the API's message otherwise. */
export function cardFailureIn(locale: Locale, failure: { kind?: string | null; message: string }): string {
  const words = catalogues[locale];
  return words && includes(cardFailureKinds, failure.kind) ? words.cardFailures[failure.kind] : failure.message;
}
