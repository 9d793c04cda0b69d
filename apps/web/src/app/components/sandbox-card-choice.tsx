import { sandboxCards } from '../lib/sandbox-cards.js';

/** The sandbox's test cards as a choice of card (a real provider's card element takes its place). */
export function SandboxCardChoice() {
  return (
    <fieldset>
      <legend>Card (sandbox: no real money moves)</legend>
      {sandboxCards.map(([token, label], i) => (
        <div className="choice" key={token}>
          <input type="radio" id={`card-${token}`} name="card" value={token} defaultChecked={i === 0} />
          <label htmlFor={`card-${token}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
