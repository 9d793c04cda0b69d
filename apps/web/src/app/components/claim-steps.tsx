import { Form } from 'react-router';

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
        <Form method="post" className="inline-form" aria-label={`Ask for more evidence on order ${order}`}>
          {hidden('evidence')}
          {note('evidence-note', 'What the customer should add')}
          <button type="submit" disabled={submitting}>
            Ask for more evidence
          </button>
        </Form>
        {claim.refusalGrounds.length > 0 && (
          <Form method="post" className="inline-form" aria-label={`Refuse the claim on order ${order}`}>
            {hidden('refuse')}
            <div className="field">
              <label htmlFor={`rule-${claim.id}`}>Refuse under the rule</label>
              <select id={`rule-${claim.id}`} name="rule">
                {claim.refusalGrounds.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.text}
                  </option>
                ))}
              </select>
            </div>
            {note('refuse-note', 'Note for the audit (optional)')}
            <button type="submit" className="danger" disabled={submitting}>
              Refuse the claim
            </button>
          </Form>
        )}
      </>
    );
  }
  if (claim.status !== 'RESOLVING') return null;
  if (claim.resolution === 'RETURN') {
    return (
      <Form method="post" className="inline-form" aria-label={`Receive the returned item of order ${order}`}>
        {hidden('receive')}
        <div className="field">
          <label htmlFor={`condition-${claim.id}`}>Condition on arrival</label>
          <select id={`condition-${claim.id}`} name="condition">
            <option value="PERFECT_UNUSED">Perfect, unused</option>
            <option value="USED_OR_DAMAGED">Used or damaged</option>
          </select>
        </div>
        {note('receive-note', 'Note for the audit (optional)')}
        <button type="submit" disabled={submitting}>
          Record the returned item
        </button>
      </Form>
    );
  }
  return (
    <Form method="post" className="inline-form" aria-label={`Close the claim on order ${order}`}>
      {hidden('close')}
      {note('close-note', 'Note for the audit (optional)')}
      <button type="submit" disabled={submitting}>
        Close: the resolution is carried out
      </button>
    </Form>
  );
}
