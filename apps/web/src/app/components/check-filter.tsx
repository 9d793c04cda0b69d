/** A filter of a back-office queue: one checkbox per value, sent as repeated `name` parameters. */
export function CheckFilter<V extends string>({
  legend,
  name,
  values,
  words,
  checked,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  words: Readonly<Record<V, string>>;
  checked: readonly string[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((v) => (
        <div className="choice" key={v}>
          <input type="checkbox" id={`${name}-${v}`} name={name} value={v} defaultChecked={checked.includes(v)} />
          <label htmlFor={`${name}-${v}`}>{words[v]}</label>
        </div>
      ))}
    </fieldset>
  );
}
