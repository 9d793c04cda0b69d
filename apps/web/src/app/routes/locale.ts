import { redirect } from 'react-router';
import { isLocale } from '../lib/i18n.js';
import { saveLocale } from '../lib/locale.server.js';
import { safeNext } from '../lib/session.server.js';
import type { Route } from './+types/locale';

/** The language switch: the choice goes in a cookie (it then wins over Accept-Language), back to the same page. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const next = safeNext(form.get('next'));
  if (!isLocale(locale)) return redirect(next);
  return redirect(next, { headers: { 'Set-Cookie': await saveLocale(context, locale) } });
}

export function loader() {
  return redirect('/');
}
