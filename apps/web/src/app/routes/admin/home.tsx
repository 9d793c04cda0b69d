import { Link } from 'react-router';
import { backOfficeSections, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/home';

export const meta: Route.MetaFunction = () => [{ title: 'Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context);
  return { sections: backOfficeSections.filter((s) => staff.scopes.includes(s.scope)), name: staff.displayName };
}

export default function BackOfficeHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Back office</h1>
      <p>Signed in as {loaderData.name}. What your permissions allow:</p>
      <ul className="sections">
        {loaderData.sections.map((s) => (
          <li key={s.path}>
            <h2>
              <Link to={s.path}>{s.title}</Link>
            </h2>
            <p>{s.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
