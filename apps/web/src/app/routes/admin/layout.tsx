import { isRouteErrorResponse, Link, NavLink, Outlet } from 'react-router';
import { useWords } from '../../lib/i18n.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { backOfficeSections, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/layout';

// Every page under /admin: staff only. A customer who reaches it gets a refusal page that says why; a staff
// member sees only the sections their scopes allow (each page checks its own scope again, and so does the API).

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context);
  return { sections: backOfficeSections.filter((s) => staff.scopes.includes(s.scope)).map(({ path, section }) => ({ path, section })) };
}

export default function BackOfficeLayout({ loaderData }: Route.ComponentProps) {
  const w = useWords(backOfficeWords);
  return (
    <div className="back-office">
      <nav aria-label={w.backOffice} className="sub-nav">
        <ul>
          <li>
            <NavLink to="/admin" end>
              {w.backOffice}
            </NavLink>
          </li>
          {loaderData.sections.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path}>{w.sections[s.section].title}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

/** A refusal (not staff, or a section the scopes do not allow) or a page that could not load, in a sentence. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const w = useWords(backOfficeWords).refusals;
  const response = isRouteErrorResponse(error) ? error : null;
  const message = response && typeof (response.data as { message?: unknown })?.message === 'string' ? (response.data as { message: string }).message : null;
  const refused = response?.status === 403;
  return (
    <>
      <h1>{refused ? w.staffOnlyTitle : response?.status === 404 ? w.notFoundTitle : w.failedTitle}</h1>
      <p role="alert">{message ?? w.failed}</p>
      <p>{refused ? <Link to="/">{w.backToFigures}</Link> : <Link to="/admin">{w.home}</Link>}</p>
    </>
  );
}
