/** Polls `check` until it stops throwing (or returns truthy), for effects that travel through the bus. */
export async function eventually<T>(check: () => Promise<T> | T, { timeoutMs = 30_000, intervalMs = 100 } = {}): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (result !== false && result !== undefined && result !== null) return result as Exclude<T, false | null | undefined>;
      lastError = new Error(`condition still ${String(result)}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw lastError instanceof Error ? lastError : new Error('eventually: timed out');
}

/**
 * Waits until a timer scheduler has finished a round that looked past `time`:
 * from then on, "nothing fired" is proven rather than hoped for after a sleep,
 * however slow the machine.
 */
export function timersCheckedPast(scheduler: { readonly checkedThrough: Date | undefined }, time: Date | string, { timeoutMs = 30_000 } = {}): Promise<true> {
  const past = new Date(time).getTime();
  return eventually(() => (scheduler.checkedThrough?.getTime() ?? -Infinity) > past, { timeoutMs, intervalMs: 20 });
}
