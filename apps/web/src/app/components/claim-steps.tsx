import { Form } from 'react-router';
import { useWords } from '../lib/i18n.js';
import { claimStepsWords } from '../lib/messages/admin/claim-steps.js';

interface ClaimForSteps {
  id: string;
  orderId: string;
  status: string;
  resolution?: string | null;
  refusalGrounds: readonly { id: string; text: string }[];
}

/**
 * The staff steps a claim allows in its status: before a decision, ask the customer for more evidence or refuse it
 * citing one of its policy's grounds; once resolving, receive the returned item (a RETURN) or close it (a part or
 * an exchange carried out). After-sales checks each again and says why when it refuses.
 */
export function ClaimSteps({ claim, submitting }: { claim: ClaimForSteps; submitting: boolean }) {
  const w = useWords(claimStepsWords);
  const order = claim.orderId.slice(0, 8);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="claimId" value={claim.id} />
    </>
  );
  const note = (id: string, label: string, required = false) => (
    <div className="field">
      <label htmlFor={`${id}-${claim.id}`}>{label}</label>
      <input id={`${id}-${claim.id}`} name="note" maxLength={1000} required={required} />
    </div>
  );
  if (claim.status === 'SUBMITTED' || claim.status === 'UNDER_REVIEW') {
    return (
      <>
        <Form method="post" className="inline-form" aria-label={w.evidenceForm(order)}>
          {hidden('evidence')}
          {note('evidence-note', w.evidenceNote)}
          <button type="submit" disabled={submitting}>
            {w.askForEvidence}
          </button>
        </Form>
        {claim.refusalGrounds.length > 0 && (
          <Form method="post" className="inline-form" aria-label={w.refuseForm(order)}>
            {hidden('refuse')}
            <div className="field">
              <label htmlFor={`rule-${claim.id}`}>{w.refuseUnder}</label>
              <select id={`rule-${claim.id}`} name="rule">
                {claim.refusalGrounds.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.text}
                  </option>
                ))}
              </select>
            </div>
            {note('refuse-note', w.auditNote)}
            <button type="submit" className="danger" disabled={submitting}>
              {w.refuse}
            </button>
          </Form>
        )}
      </>
    );
  }
  if (claim.status !== 'RESOLVING') return null;
  if (claim.resolution === 'RETURN') {
    return (
      <Form method="post" className="inline-form" aria-label={w.receiveForm(order)}>
        {hidden('receive')}
        <div className="field">
          <label htmlFor={`condition-${claim.id}`}>{w.condition}</label>
          <select id={`condition-${claim.id}`} name="condition">
            <option value="PERFECT_UNUSED">{w.perfectUnused}</option>
            <option value="USED_OR_DAMAGED">{w.usedOrDamaged}</option>
          </select>
        </div>
        {note('receive-note', w.auditNote)}
        <button type="submit" disabled={submitting}>
          {w.receive}
        </button>
      </Form>
    );
  }
  return (
    <Form method="post" className="inline-form" aria-label={w.closeForm(order)}>
      {hidden('close')}
      {note('close-note', w.auditNote)}
      <button type="submit" disabled={submitting}>
        {w.close}
      </button>
    </Form>
  );
}
