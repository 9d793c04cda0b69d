import { useSearchParams } from 'react-router';
import { isLocale, useI18n } from '../lib/i18n.js';
import { DoneMessage } from './done-message.js';

/** What the account page's last step did (each form and emailed link comes back here saying so in the address). */
export function AccountNotices() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const movedTo = params.get('region');
  const emailLanguage = params.get('emailLanguage');
  const done = [
    movedTo && t.account.regionChanged(t.countries[movedTo] ?? movedTo),
    params.get('withdrawn') && t.account.withdrawn,
    params.get('emailVerified') && t.accountEmail.verifiedDone,
    params.get('emailChanged') && t.accountEmail.changedDone,
    params.get('verificationSent') && t.accountEmail.sent,
    params.get('emailChangeRequested') && t.accountEmail.requested,
    params.get('passwordChanged') && t.password.changed,
    params.get('reset') && t.password.reset,
    isLocale(emailLanguage) && t.emails.languageSet(t.emails.languageNames[emailLanguage]),
  ].filter((m): m is string => typeof m === 'string');
  return (
    <>
      {done.map((message) => (
        <DoneMessage key={message} message={message} />
      ))}
    </>
  );
}
