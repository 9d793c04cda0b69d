import { data } from 'react-router';
import { completeExternalSignIn, providerNamed } from '../lib/external-sign-in.server.js';
import type { Route } from './+types/auth-callback';

/** `/auth/<provider>/callback`: where the provider sends the browser back with the code (or its refusal). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const provider = providerNamed(context, params.provider);
  if (!provider) throw data({ message: 'There is no such way to sign in.' }, { status: 404 });
  return completeExternalSignIn(request, context, provider);
}
