import { Link } from 'react-router';
import { metaLocale, useWords, wordsIn } from '../../lib/i18n.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { backOfficeSections, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/home';

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${wordsIn(backOfficeWords, metaLocale(matches)).backOffice} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context);
  return { sections: backOfficeSections.filter((s) => staff.scopes.includes(s.scope)), name: staff.displayName };
}

export default function BackOfficeHome({ loaderData }: Route.ComponentProps) {
  const w = useWords(backOfficeWords);
  return (
    <>
      <h1>{w.backOffice}</h1>
      <p>{w.home.signedInAs(loaderData.name)}</p>
      <ul className="sections">
        {loaderData.sections.map((s) => (
          <li key={s.path}>
            <h2>
              <Link to={s.path}>{w.sections[s.section].title}</Link>
            </h2>
            <p>{w.sections[s.section].about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
