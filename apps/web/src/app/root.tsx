import { data, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from 'react-router';
import type { Route } from './+types/root';
import { readCart } from './lib/cart.server.js';
import { localeNames, locales, useI18n } from './lib/i18n.js';
import { requestLocale } from './lib/locale.server.js';
import { clearSession, readSessionState, saveSession } from './lib/session.server.js';
import { isStaff, tokenScopes } from './lib/staff.server.js';
import { refusalIn } from './lib/refusals.js';
import styles from './styles.css?url';
import './lib/context.js';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const [{ session, renewed, ended }, cart, locale] = await Promise.all([
    readSessionState(request, context),
    readCart(request, context),
    requestLocale(request, context),
  ]);
  const page = {
    customerName: session?.displayName ?? null,
    isStaff: session ? isStaff(tokenScopes(session.accessToken)) : false,
    cartCount: cart.reduce((n, l) => n + l.quantity, 0),
    locale,
  };
  // Every page passes here: a renewed session is written back (a session that could not be renewed is dropped).
  if (renewed && session) return data(page, { headers: { 'Set-Cookie': await saveSession(context, session) } });
  if (ended) return data(page, { headers: { 'Set-Cookie': await clearSession(context) } });
  return page;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const { locale, t } = useI18n();
  const here = useLocation();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t.layout.skip}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            Vitrine
          </Link>
          <nav aria-label={t.layout.nav}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t.layout.figures}
                </NavLink>
              </li>
              <li>
                <NavLink to="/cart">{t.layout.cart(root?.cartCount ?? 0)}</NavLink>
              </li>
              {root?.customerName ? (
                <>
                  <li>
                    <NavLink to="/orders">{t.layout.myOrders}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/account" end>
                      {t.layout.account}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/account/messages">{t.layout.messages}</NavLink>
                  </li>
                  {root.isStaff && (
                    <li>
                      <NavLink to="/admin">{t.layout.backOffice}</NavLink>
                    </li>
                  )}
                  <li>
                    <form method="post" action="/sign-out">
                      <button type="submit" className="link-button">
                        {t.layout.signOut(root.customerName)}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">{t.layout.signIn}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/sign-up">{t.layout.signUp}</NavLink>
                  </li>
                </>
              )}
              <li>
                {/* A plain form: the language changes without JavaScript too, and the page comes back in it. */}
                <form method="post" action="/locale" className="language-switch">
                  <input type="hidden" name="next" value={here.pathname + here.search} />
                  <label htmlFor="locale-choice">{t.layout.language}</label>{' '}
                  <select id="locale-choice" name="locale" defaultValue={locale}>
                    {locales.map((l) => (
                      <option key={l} value={l} lang={l}>
                        {localeNames[l]}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" className="link-button">
                    {t.layout.switchTo}
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t.layout.footer}</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Whatever failed, the customer reads a sentence, never a stack trace. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t, locale } = useI18n();
  const response = isRouteErrorResponse(error) ? error : null;
  const notFound = response?.status === 404;
  // A loader's refusal carries the API's customer-readable message (with its code: in the page's language, lib/refusals.ts);
  // anything else gets a plain sentence.
  const said = response?.data as { message?: unknown; code?: unknown; details?: unknown } | undefined;
  const details = typeof said?.details === 'object' && said.details !== null ? (said.details as Record<string, unknown>) : {};
  const apiMessage =
    typeof said?.message !== 'string'
      ? null
      : typeof said.code === 'string'
        ? refusalIn(locale, { code: said.code, message: said.message, details })
        : said.message;
  return (
    <>
      <h1>{notFound ? t.errors.notFoundTitle : t.errors.failedTitle}</h1>
      <p role="alert">{apiMessage ?? (notFound ? t.errors.notFound : t.errors.failed)}</p>
      <p>
        <Link to="/">{t.errors.back}</Link>
      </p>
    </>
  );
}
