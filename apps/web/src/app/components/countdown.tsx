import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n.js';

/**
 * Time left until `until`, by the store's clock: the server renders it from the store's now, and once hydrated
 * it ticks each minute from that same offset (a display only; the deadline itself is enforced by the API).
 */
export function Countdown({ until, storeNow }: { until: string; storeNow: string }) {
  const { timeLeft } = useI18n();
  const [offset] = useState(() => Date.parse(storeNow) - Date.now());
  const [now, setNow] = useState(() => Date.parse(storeNow));
  useEffect(() => {
    const tick = () => setNow(Date.now() + offset);
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, [offset]);
  return <time dateTime={until}>{timeLeft(Date.parse(until), now)}</time>;
}
