/**
 * The query string of another page of a back-office list: the same filters (less `drop`, e.g. a done notice),
 * `key` (the API's cursor or offset) set to `at`, or removed when `at` is null (the first page).
 */
export function pageQuery(params: URLSearchParams, key: string, at: string | null, drop: readonly string[] = []): string {
  const query = new URLSearchParams([...params].filter(([k]) => k !== key && !drop.includes(k)));
  if (at !== null) query.set(key, at);
  return query.toString();
}

interface PagerProps {
  /** `pageQuery` of the next page, or null on the last page. */
  next: string | null;
  nextLabel: string;
  /** `pageQuery` of the first page, or null (already there, or the list offers no way back). */
  first?: string | null;
  firstLabel?: string;
}

/** The links under a back-office list to its first and next pages; nothing when there is only one page. */
export function Pager({ next, nextLabel, first = null, firstLabel }: PagerProps) {
  if (next === null && first === null) return null;
  return (
    <p className="pager">
      {first !== null && <a href={`?${first}`}>{firstLabel}</a>}
      {first !== null && next !== null && ' '}
      {next !== null && <a href={`?${next}`}>{nextLabel}</a>}
    </p>
  );
}
