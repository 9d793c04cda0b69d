import { useEffect, useRef, useState } from 'react';
import { claimIssues, maxClaimParts, partCategories } from '../lib/claims.js';
import { useI18n } from '../lib/i18n.js';

/**
 * One part as the form sends it (repeated fields `partCategory`, `partIssue`, `partNote`, in row order). `category`
 * is a category code, or `part:<name>` for a part the product's own parts list names.
 */
export interface PartValues {
  category: string;
  issue: string;
  note: string;
}

/**
 * The rows after an "Add a part" or "Remove part n" sent without JavaScript (`partsChange`: `add` or `remove-<index>`):
 * the form is drawn again with them. Null for a change that is not one (the rows stay as sent).
 */
export function changedParts(rows: readonly PartValues[], change: string): PartValues[] | null {
  if (change === 'add') return rows.length < maxClaimParts ? [...rows, { category: '', issue: '', note: '' }] : null;
  const removed = /^remove-(\d+)$/.exec(change)?.[1];
  const index = removed === undefined ? -1 : Number(removed);
  return rows.length > 1 && index >= 0 && index < rows.length ? rows.filter((_, i) => i !== index) : null;
}

/** A figure of the order with the parts catalog lists for it (after-sales takes a part by that name). */
export interface ClaimableProduct {
  id: string;
  name: string;
  parts: readonly { name: string; category: string }[];
}

const namedPart = 'part:';

/** The part a row names: by the product's parts list (`name`), else by its category. */
export function partChoice(value: string): { name: string } | { category: string } {
  return value.startsWith(namedPart) ? { name: value.slice(namedPart.length) } : { category: value };
}

/** The rows the form posted, in their order (every row has the three fields, so the lists line up). */
export function partValues(form: FormData): PartValues[] {
  const all = (name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const issues = all('partIssue');
  const notes = all('partNote');
  return all('partCategory').map((category, i) => ({ category, issue: issues[i] ?? '', note: notes[i] ?? '' }));
}

/**
 * The claim form's parts: a row per part (which part, what is wrong, a note), each row's fields named with its number.
 * A part is picked from the figure's own parts list where catalog has one (its category then comes from catalog), or
 * by its kind. With JavaScript only the chosen figure's parts are offered (the form's `productSelect` field is
 * followed), the customer adds rows (up to the API's limit) and removes them; focus goes to the new row's first
 * field, or after a removal to the row now holding that number (the previous one when the last went), and a status
 * line says what changed. Without it, adding or removing a row sends the form back to be drawn again with the rows
 * typed so far (`changedParts`), and every figure's parts are listed, each under its figure's name.
 */
export function ClaimPartRows(props: { initial: readonly PartValues[] | undefined; products: readonly ClaimableProduct[]; productSelect: string }) {
  const { initial, products, productSelect } = props;
  const { t } = useI18n();
  const [chosenProduct, setChosenProduct] = useState<string | null>(null);
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
  useEffect(() => {
    setHydrated(true);
    const select = document.getElementById(productSelect) as HTMLSelectElement | null;
    if (!select) return;
    const follow = () => setChosenProduct(select.value);
    follow();
    select.addEventListener('change', follow);
    return () => select.removeEventListener('change', follow);
  }, [productSelect]);
  const withParts = products.filter((p) => p.parts.length > 0 && (chosenProduct === null || p.id === chosenProduct));
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
                {withParts.map((product) => (
                  <optgroup key={product.id} label={t.claim.partsOf(product.name)}>
                    {product.parts.map((part) => (
                      <option key={part.name} value={`${namedPart}${part.name}`}>
                        {part.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
                {withParts.length > 0 ? (
                  <optgroup label={t.claim.anyPartOfKind}>
                    <CategoryOptions />
                  </optgroup>
                ) : (
                  <CategoryOptions />
                )}
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
            {rows.length > 1 &&
              // Without JavaScript the button sends the form back to be drawn without this row.
              (hydrated ? (
                <button type="button" className="link-button" onClick={() => remove(i)}>
                  {t.claim.removePart(n)}
                </button>
              ) : (
                <button type="submit" name="partsChange" value={`remove-${i}`} formNoValidate className="link-button">
                  {t.claim.removePart(n)}
                </button>
              ))}
          </fieldset>
        );
      })}
      {hydrated ? (
        <button type="button" onClick={add} disabled={rows.length >= maxClaimParts}>
          {t.claim.addPart}
        </button>
      ) : (
        <button type="submit" name="partsChange" value="add" formNoValidate disabled={rows.length >= maxClaimParts}>
          {t.claim.addPart}
        </button>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}

function CategoryOptions() {
  const { t } = useI18n();
  return partCategories.map((c) => (
    <option key={c} value={c}>
      {t.claim.categories[c]}
    </option>
  ));
}
