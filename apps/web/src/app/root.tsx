import { isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router';
import type { Route } from './+types/root';
import { readCart } from './lib/cart.server.js';
import { readSession } from './lib/session.server.js';
import { isStaff, tokenScopes } from './lib/staff.server.js';
import styles from './styles.css?url';
import './lib/context.js';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const [session, cart] = await Promise.all([readSession(request, context), readCart(request, context)]);
  return {
    customerName: session?.displayName ?? null,
    isStaff: session ? isStaff(tokenScopes(session.accessToken)) : false,
    cartCount: cart.reduce((n, l) => n + l.quantity, 0),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            Vitrine
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/" end>
                  Figures
                </NavLink>
              </li>
              <li>
                <NavLink to="/cart">Cart{data && data.cartCount > 0 ? ` (${data.cartCount})` : ''}</NavLink>
              </li>
              {data?.customerName ? (
                <>
                  <li>
                    <NavLink to="/orders">My orders</NavLink>
                  </li>
                  {data.isStaff && (
                    <li>
                      <NavLink to="/admin">Back office</NavLink>
                    </li>
                  )}
                  <li>
                    <form method="post" action="/sign-out">
                      <button type="submit" className="link-button">
                        Sign out ({data.customerName})
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">Sign in</NavLink>
                  </li>
                  <li>
                    <NavLink to="/sign-up">Create an account</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Vitrine: preorders of collectible figures and statues. Prices include tax.</p>
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
  const response = isRouteErrorResponse(error) ? error : null;
  const notFound = response?.status === 404;
  // A loader's refusal carries the API's customer-readable message; anything else gets a plain sentence.
  const apiMessage = response && typeof (response.data as { message?: unknown })?.message === 'string' ? (response.data as { message: string }).message : null;
  return (
    <>
      <h1>{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      <p role="alert">{apiMessage ?? (notFound ? 'There is nothing at this address.' : 'We could not show this page. Please try again in a moment.')}</p>
      <p>
        <Link to="/">Back to the figures</Link>
      </p>
    </>
  );
}
