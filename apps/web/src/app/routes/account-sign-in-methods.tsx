import { Form, Link, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../components/api-error.js';
import { DoneMessage } from '../components/done-message.js';
import { useI18n } from '../lib/i18n.js';

// The account page's "Sign-in methods": the password (set one, or change it), each external identity bound to the
// account with "Unlink", and "Link <provider>" for each provider this server offers that is not bound yet.

interface Methods {
  hasPassword: boolean;
  identities: readonly { id: string; provider: string; displayName?: string | null; linkedAt: string }[];
}

/** What `?linkProblem=` says went wrong adding an identity (read by the loader: the list lives server-side). */
export type LinkProblemKey = keyof ReturnType<typeof useI18n>['t']['signInMethods']['problems'];

export function SignInMethods({
  methods,
  providers,
  linkProblem,
  error,
}: {
  methods: Methods;
  providers: readonly { name: string; label: string }[];
  linkProblem: LinkProblemKey | null;
  error: string | null | undefined;
}) {
  const { t, day } = useI18n();
  const [params] = useSearchParams();
  const labelOf = (name: string) => providers.find((p) => p.name === name)?.label ?? name;
  const linkable = providers.filter((p) => !methods.identities.some((i) => i.provider === p.name));
  const linked = params.get('linked');
  const unlinked = params.get('unlinked');
  return (
    <section aria-labelledby="account-sign-in">
      <h2 id="account-sign-in">{t.signInMethods.title}</h2>
      {linked && <DoneMessage message={t.signInMethods.linked(labelOf(linked))} />}
      {unlinked && <DoneMessage message={t.signInMethods.unlinked(labelOf(unlinked))} />}
      {params.get('passwordSet') && <DoneMessage message={t.signInMethods.passwordSet} />}
      {linkProblem && <ApiErrorMessage message={t.signInMethods.problems[linkProblem]} />}
      <h3>{t.signInMethods.password}</h3>
      <p>
        {methods.hasPassword ? t.signInMethods.hasPassword : t.signInMethods.noPassword}{' '}
        <Link to="/account/password">{methods.hasPassword ? t.password.title : t.signInMethods.setPassword}</Link>
      </p>
      <h3>{t.signInMethods.identities}</h3>
      {methods.identities.length === 0 ? (
        <p>{t.signInMethods.noneLinked}</p>
      ) : (
        <ul className="plain-list">
          {methods.identities.map((identity) => (
            <li key={identity.id}>
              <strong>{labelOf(identity.provider)}</strong>
              {identity.displayName ? ` (${identity.displayName})` : ''}, {t.signInMethods.linkedOn(day(identity.linkedAt))}{' '}
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="unlink" />
                <input type="hidden" name="id" value={identity.id} />
                <input type="hidden" name="provider" value={identity.provider} />
                <button type="submit" aria-label={t.signInMethods.unlinkLabel(labelOf(identity.provider))}>
                  {t.signInMethods.unlink}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <ApiErrorMessage message={error} />
      {linkable.length > 0 && (
        <ul className="plain-list">
          {linkable.map((p) => (
            <li key={p.name}>
              <Link className="button" to={`/account/link/${p.name}`}>
                {t.signInMethods.link(p.label)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
