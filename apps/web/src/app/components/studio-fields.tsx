import { useWords } from '../lib/i18n.js';
import { studioFieldsWords } from '../lib/messages/admin/studio-fields.js';

/** A studio's name, country and contact, as the create and edit forms both ask for them. */
export function StudioFields({ values }: { values: { name?: string; country?: string; contactEmail?: string } }) {
  const w = useWords(studioFieldsWords);
  return (
    <>
      <div className="field">
        <label htmlFor="studio-name">{w.name}</label>
        <input id="studio-name" name="name" required maxLength={120} defaultValue={values.name} />
      </div>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="studio-country">{w.country}</label>
          <input id="studio-country" name="country" required maxLength={2} spellCheck={false} defaultValue={values.country} />
        </div>
        <div className="field">
          <label htmlFor="studio-email">{w.contactEmail}</label>
          <input id="studio-email" name="contactEmail" type="email" required defaultValue={values.contactEmail} />
        </div>
      </div>
    </>
  );
}

/** The fields of a studio form, trimmed, the country upper-cased (the API checks each one). */
export const studioFrom = (form: FormData) => {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return { name: text('name'), country: text('country').toUpperCase(), contactEmail: text('contactEmail') };
};
