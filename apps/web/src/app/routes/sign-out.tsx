import { redirect } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { clearSession, readSession } from '../lib/session.server.js';
import type { Route } from './+types/sign-out';

const logoutMutation = graphql(`
  mutation StorefrontLogout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export async function action({ request, context }: Route.ActionArgs) {
  const session = await readSession(request, context);
  // The refresh token stops working at the API too, not only in this browser.
  if (session?.refreshToken) {
    await callApi(context, logoutMutation, { refreshToken: session.refreshToken }).catch((err: unknown) => {
      if (!(err instanceof ApiError)) throw err;
    });
  }
  return redirect('/', { headers: { 'Set-Cookie': await clearSession(context) } });
}

export function loader() {
  return redirect('/');
}
