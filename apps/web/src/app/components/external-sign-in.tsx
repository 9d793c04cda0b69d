import { useI18n } from '../lib/i18n.js';

/**
 * "Sign in with <label>" for each external identity provider the server offers (none configured: nothing shown).
 * Plain links: the web server starts the flow (`/auth/<provider>`) and sends the browser to the provider.
 */
export function ExternalSignInButtons({ providers, next }: { providers: readonly { name: string; label: string }[]; next: string | null }) {
  const { t } = useI18n();
  if (providers.length === 0) return null;
  const query = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <section aria-labelledby="external-sign-in" className="external-sign-in">
      <h2 id="external-sign-in">{t.externalSignIn.or}</h2>
      <ul className="plain-list">
        {providers.map((p) => (
          <li key={p.name}>
            {/* A document request, not a client-side navigation: the answer is a redirect to another site. */}
            <a className="button" href={`/auth/${p.name}${query}`}>
              {t.externalSignIn.with(p.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * On the account pages that ask for the password again: the proof of a fresh external sign-in is ready, or a link
 * per provider bound to the account to make one with (an account without a password has no other way), the one this
 * session was signed in with first.
 */
export function ExternalProof({
  proof,
  providers,
  next,
}: {
  proof: { label: string } | null;
  providers: readonly { name: string; label: string }[];
  next: string;
}) {
  const { t } = useI18n();
  if (proof) {
    return (
      <p className="success" role="status">
        {t.externalSignIn.confirmedWith(proof.label)}
      </p>
    );
  }
  const link = (provider: { name: string; label: string }) => (
    <a href={`/auth/${provider.name}?confirm=1&next=${encodeURIComponent(next)}`}>{t.externalSignIn.confirmWith(provider.label)}</a>
  );
  if (providers.length === 0) return null;
  if (providers.length === 1) {
    return (
      <p>
        {t.externalSignIn.noPassword} {link(providers[0]!)}
      </p>
    );
  }
  return (
    <>
      <p id="confirm-with">{t.externalSignIn.noPassword}</p>
      <ul className="plain-list" aria-labelledby="confirm-with">
        {providers.map((p) => (
          <li key={p.name}>{link(p)}</li>
        ))}
      </ul>
    </>
  );
}

/** The other proof those pages take: the account's current password, typed again. */
export function PasswordProofField() {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor="password">{t.accountEmail.password}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby="password-help" />
      <p id="password-help" className="help">
        {t.accountEmail.passwordHelp}
      </p>
    </div>
  );
}
