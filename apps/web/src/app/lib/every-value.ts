/**
 * A hand-ordered list of an API enum's values (the order a form shows them in) that the type checker holds to the
 * whole enum: when the schema gains a value the list lacks, the build fails here instead of the page silently
 * never offering it. `everyValue<OrderStatus>()(['PENDING', ...])`.
 */
export const everyValue =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): readonly T[] =>
    values;
