import { useI18n } from '../lib/i18n.js';
import { sandboxCards } from '../lib/sandbox-cards.js';

/** The sandbox's test cards as a choice of card (a real provider's card element takes its place). */
export function SandboxCardChoice() {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t.pay.card}</legend>
      {sandboxCards.map(([token, label], i) => (
        <div className="choice" key={token}>
          <input type="radio" id={`card-${token}`} name="card" value={token} defaultChecked={i === 0} />
          <label htmlFor={`card-${token}`}>{t.pay.cards[token] ?? label}</label>
        </div>
      ))}
    </fieldset>
  );
}
