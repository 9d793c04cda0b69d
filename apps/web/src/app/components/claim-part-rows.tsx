import { useEffect, useRef, useState } from 'react';
import { claimIssues, maxClaimParts, partCategories } from '../lib/claims.js';
import { useI18n } from '../lib/i18n.js';

/** One part as the form sends it (repeated fields `partCategory`, `partIssue`, `partNote`, in row order). */
export interface PartValues {
  category: string;
  issue: string;
  note: string;
}

/** The rows the form posted, in their order (every row has the three fields, so the lists line up). */
export function partValues(form: FormData): PartValues[] {
  const all = (name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const issues = all('partIssue');
  const notes = all('partNote');
  return all('partCategory').map((category, i) => ({ category, issue: issues[i] ?? '', note: notes[i] ?? '' }));
}

/**
 * The claim form's parts: a row per part (its kind, what is wrong, a note), each row's fields named with its number.
 * With JavaScript the customer adds rows (up to the API's limit) and removes them; focus goes to the new row's first
 * field, or after a removal to the row now holding that number (the previous one when the last went), and a status
 * line says what changed. Without it, the form keeps the rows it was drawn with (one, or those sent back on a refusal).
 */
export function ClaimPartRows({ initial }: { initial: readonly PartValues[] | undefined }) {
  const { t } = useI18n();
  const nextKey = useRef(0);
  const newRow = (values?: PartValues) => ({ key: nextKey.current++, values });
  const [rows, setRows] = useState(() => {
    const drawn: (PartValues | undefined)[] = initial?.length ? initial.slice(0, maxClaimParts) : [undefined];
    return drawn.map((values) => newRow(values));
  });
  const [hydrated, setHydrated] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** The row whose first field takes focus once drawn (after an add or a removal). */
  const focusRow = useRef<number | null>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`part-${focusRow.current + 1}-category`)?.focus();
    focusRow.current = null;
  });

  function add() {
    if (rows.length >= maxClaimParts) return;
    setRows([...rows, newRow()]);
    focusRow.current = rows.length;
    setAnnouncement(t.claim.partAdded(rows.length + 1));
  }

  function remove(index: number) {
    if (rows.length <= 1) return;
    setRows(rows.filter((_, i) => i !== index));
    focusRow.current = Math.min(index, rows.length - 2);
    setAnnouncement(t.claim.partRemoved(index + 1));
  }

  return (
    <fieldset aria-describedby="parts-help">
      <legend>{t.claim.partsConcerned}</legend>
      <p id="parts-help" className="help">
        {t.claim.partsHelp(maxClaimParts)}
      </p>
      {rows.map((row, i) => {
        const n = i + 1;
        const id = (name: string) => `part-${n}-${name}`;
        return (
          <fieldset key={row.key}>
            <legend>{t.claim.partNumber(n)}</legend>
            <div className="field">
              <label htmlFor={id('category')}>
                {t.claim.category}
                <span className="visually-hidden">{t.claim.ofPart(n)}</span>
              </label>
              <select id={id('category')} name="partCategory" required defaultValue={row.values?.category}>
                {partCategories.map((c) => (
                  <option key={c} value={c}>
                    {t.claim.categories[c]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('issue')}>
                {t.claim.issue}
                <span className="visually-hidden">{t.claim.ofPart(n)}</span>
              </label>
              <select id={id('issue')} name="partIssue" required defaultValue={row.values?.issue}>
                {claimIssues.map((issue) => (
                  <option key={issue} value={issue}>
                    {t.claim.issues[issue]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('note')}>
                {t.claim.partNote}
                <span className="visually-hidden">{t.claim.ofPart(n)}</span>
              </label>
              <input id={id('note')} name="partNote" maxLength={500} defaultValue={row.values?.note} />
            </div>
            {hydrated && rows.length > 1 && (
              <button type="button" className="link-button" onClick={() => remove(i)}>
                {t.claim.removePart(n)}
              </button>
            )}
          </fieldset>
        );
      })}
      {hydrated && (
        <button type="button" onClick={add} disabled={rows.length >= maxClaimParts}>
          {t.claim.addPart}
        </button>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}
