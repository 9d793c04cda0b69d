import { Form } from 'react-router';
import { ApiErrorMessage } from '../../components/api-error.js';
import { useWords } from '../../lib/i18n.js';
import { partnerSettingsFormsWords } from '../../lib/messages/admin/partner-settings-forms.js';

// The partner page's two settings forms (routes/admin/partner.tsx handles their intents `update` and `remove`).

export interface TypedPartnerSettings {
  name: string;
  webhookUrl: string;
  eventTypes: string[];
}

/** An event type a partner may be granted, as notifications lists it (partnerEventTypes). */
export interface OfferedEventType {
  type: string;
  description: string;
}

/**
 * "Events it receives" as checkboxes, one per type notifications offers (`idPrefix` keeps the ids unique). A type
 * the partner holds but that is no longer offered is shown ticked too, so it is not dropped unseen (notifications
 * names it if saved).
 */
export function EventTypeChoices({ idPrefix, offered, checked }: { idPrefix: string; offered: readonly OfferedEventType[]; checked: readonly string[] }) {
  const w = useWords(partnerSettingsFormsWords);
  const retired = checked.filter((type) => !offered.some((o) => o.type === type)).map((type) => ({ type, description: w.retired }));
  return (
    <fieldset>
      <legend>{w.events}</legend>
      {[...offered, ...retired].map(({ type, description }) => {
        const id = `${idPrefix}-${type.replaceAll('.', '-')}`;
        return (
          <div className="choice" key={type}>
            <input type="checkbox" id={id} name="eventTypes" value={type} defaultChecked={checked.includes(type)} aria-describedby={`${id}-about`} />
            <label htmlFor={id}>
              <code>{type}</code>
            </label>{' '}
            <span className="help" id={`${id}-about`}>
              {description}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

/** "Edit the partner": filled with the saved settings, or with what was typed when the API refused it. */
export function EditPartnerForm({
  partner,
  eventTypes,
  typed,
  error,
  submitting,
}: {
  partner: { name: string; webhookUrl: string; eventTypes: string[] };
  eventTypes: readonly OfferedEventType[];
  typed: TypedPartnerSettings | null;
  error: string | null;
  submitting: boolean;
}) {
  const w = useWords(partnerSettingsFormsWords);
  return (
    <section aria-labelledby="edit">
      <h2 id="edit">{w.edit}</h2>
      <p className="help">{w.editHelp}</p>
      <Form method="post" className="admin-form" aria-label={w.edit}>
        <input type="hidden" name="intent" value="update" />
        <div className="field">
          <label htmlFor="edit-name">{w.name}</label>
          <input id="edit-name" name="name" defaultValue={typed?.name ?? partner.name} required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="edit-webhookUrl">{w.webhookUrl}</label>
          <input id="edit-webhookUrl" name="webhookUrl" type="url" defaultValue={typed?.webhookUrl ?? partner.webhookUrl} required spellCheck={false} />
        </div>
        <EventTypeChoices idPrefix="edit-event" offered={eventTypes} checked={typed?.eventTypes ?? partner.eventTypes} />
        <button type="submit" disabled={submitting}>
          {w.save}
        </button>
      </Form>
      <ApiErrorMessage message={error} />
    </section>
  );
}

/** "Remove this partner": refused on the server unless the box is ticked. */
export function RemovePartnerForm({ name, error, submitting }: { name: string; error: string | null; submitting: boolean }) {
  const w = useWords(partnerSettingsFormsWords);
  return (
    <section aria-labelledby="remove">
      <h2 id="remove">{w.remove}</h2>
      <p className="help">{w.removeHelp}</p>
      <Form method="post" className="admin-form" aria-label={w.remove}>
        <input type="hidden" name="intent" value="remove" />
        <div className="choice">
          <input type="checkbox" id="remove-confirm" name="confirm" value="yes" />
          <label htmlFor="remove-confirm">{w.confirm(name)}</label>
        </div>
        <button type="submit" disabled={submitting}>
          {w.remove}
        </button>
      </Form>
      <ApiErrorMessage message={error} />
    </section>
  );
}
