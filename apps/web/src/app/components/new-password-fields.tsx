import { useI18n } from '../lib/i18n.js';

/**
 * A new password typed twice (`newPassword`, `confirm`), with the password rules under the first: changing it,
 * setting a first one, and the reset link's page. Accounts decides what it accepts; minLength is only the browser's
 * early hint of its shortest.
 */
export function NewPasswordFields({ label, confirmLabel }: { label: string; confirmLabel: string }) {
  const { t } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor="newPassword">{label}</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={8} aria-describedby="new-password-help" />
        <p id="new-password-help" className="help">
          {t.signUp.passwordHelp}
        </p>
      </div>
      <div className="field">
        <label htmlFor="confirm">{confirmLabel}</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required minLength={8} />
      </div>
    </>
  );
}
