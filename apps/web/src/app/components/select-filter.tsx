/** A filter of a back-office list: one of `values`, or any (the empty first option), sent as the `name` parameter. */
export function SelectFilter<V extends string>({
  label,
  name,
  any,
  values,
  text,
  selected,
}: {
  label: string;
  /** The query parameter, and the select's id (its label's target). */
  name: string;
  /** The first option's words, e.g. "Any state". */
  any: string;
  values: readonly V[];
  text: (value: V) => string;
  selected: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={selected ?? ''}>
        <option value="">{any}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
