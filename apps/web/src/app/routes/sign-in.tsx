import { Form, Link, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError } from '../lib/api.server.js';
import { field, signIn } from '../lib/sign-in.server.js';
import type { Route } from './+types/sign-in';

export const meta: Route.MetaFunction = () => [{ title: 'Sign in | Vitrine' }];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = field(form, 'email');
  const password = form.get('password');
  if (!email || typeof password !== 'string' || !password) return { error: 'Enter your email and your password.', email };
  try {
    return await signIn(context, email, password, form.get('next'));
  } catch (err) {
    if (err instanceof ApiError) return { error: err.message, email };
    throw err;
  }
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  return (
    <>
      <h1>Sign in</h1>
      <Form method="post" className="stacked">
        <input type="hidden" name="next" value={params.get('next') ?? '/'} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.email} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit">Sign in</button>
      </Form>
      <p>
        New here? <Link to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>Create an account</Link>
      </p>
    </>
  );
}
