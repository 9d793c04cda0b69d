// The document
export * from './schema/units.js';
export * from './schema/calendar.js';
export * from './schema/payment-plans.js';
export * from './schema/cancellation.js';
export * from './schema/returns.js';
export * from './schema/abuse.js';
export * from './schema/claims.js';
export * from './schema/claim-resolutions.js';
export * from './schema/fulfilment.js';
export * from './schema/store-policy.js';
export * from './schema/parse.js';
// Calendars and deadlines
export { isBusinessDay, addBusinessDays, type BusinessCalendar } from './calendar/business-days.js';
export { calendarFor, deadlineAfter, deadlineRegion, isBefore, type Deadline } from './calendar/deadline.js';
export type { LocalDate } from './calendar/local-date.js';
// Decisions
export { languages, type Decision, type Language, type Rule, type Texts } from './rules/decision.js';
export { percentOf, type Money } from './rules/money.js';
export type { OrderFacts, Paid } from './rules/order-facts.js';
export { cancellationQuote, type CancellationQuote } from './rules/cancellation.js';
export {
  balanceDueAt,
  arrivalPaymentDueAt,
  chargeAtShipCapture,
  chargeAtShipRetryDeadline,
  payAtOrderDueAt,
  arrivalPaymentRule,
  balanceDueRule,
  chargeAtShipRetryRule,
  payAtOrderRule,
} from './rules/payment-deadlines.js';
export { expiryOutcome, abuseFlagSuggested, type ExpiryOutcome } from './rules/expiry.js';
export { upfrontRequirement, type UpfrontRequirement } from './rules/upfront.js';
export { preferenceReturnDeadline, returnQuote, type ReturnQuote, type ReturnReason } from './rules/returns.js';
export { returnToSenderRefund } from './rules/return-to-sender.js';
export { addressChangeAllowed } from './rules/address-change.js';
export { cancellationRightOnSpecChange, cancellationRightOnReleaseDateChange, type CancellationRight, type ChangeKind } from './rules/cancellation-rights.js';
export { claimWindow, claimCoverage, preordersCoveredRule, type ClaimProduct, type DamageSeverity } from './rules/claims.js';
export { claimCompensation, gradeForIssue } from './rules/compensation.js';
export { claimResolutionOptions, exclusionRule, keepDiscount, refusalGrounds, type RefusalGround } from './rules/claim-resolutions.js';
export { replacementLeadTime, type ReplacementLeadTime } from './rules/replacement-parts.js';
export { describePolicy, type PolicySection } from './rules/describe.js';
export { decidingRule, ruleIn, ruleTexts } from './rules/reword.js';
// Presets
export { presets, presetDocuments, presetNames, type PresetName } from './presets/index.js';
