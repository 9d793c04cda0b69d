import { data } from 'react-router';
import { beginExternalSignIn, providerNamed } from '../lib/external-sign-in.server.js';
import type { Route } from './+types/auth-start';

/** `/auth/<provider>`: starts the sign-in at an external identity provider the server is configured with. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const provider = providerNamed(context, params.provider);
  if (!provider) throw data({ message: 'There is no such way to sign in.' }, { status: 404 });
  return beginExternalSignIn(request, context, provider);
}
