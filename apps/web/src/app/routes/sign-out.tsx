import { redirect } from 'react-router';
import { clearSession } from '../lib/session.server.js';
import type { Route } from './+types/sign-out';

export async function action({ context }: Route.ActionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await clearSession(context) } });
}

export function loader() {
  return redirect('/');
}
