import { redirect, type AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { callApi } from './api.server.js';
import { safeNext, saveSession, sessionFrom } from './session.server.js';

const loginMutation = graphql(`
  mutation StorefrontLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...StorefrontSession
    }
  }
`);

/** Signs in at the API and answers with the redirect that sets the session cookie (throws ApiError when refused). */
export async function signIn(context: AppLoadContext, email: string, password: string, next: FormDataEntryValue | null): Promise<Response> {
  const { login } = await callApi(context, loginMutation, { email, password });
  const cookie = await saveSession(context, sessionFrom(login));
  return redirect(safeNext(next), { headers: { 'Set-Cookie': cookie } });
}

export const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
