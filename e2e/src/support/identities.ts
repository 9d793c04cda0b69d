import { randomUUID } from 'node:crypto';
import { gql } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';

export interface Identity {
  id: string;
  email: string;
  token: string;
  /** Headers that make a request on this identity's behalf. */
  headers: Record<string, string>;
}

export const testAdmin = { email: 'admin@vitrine.test', password: 'Admin-Pa55word!' };

const loginMutation = graphql(`
  mutation SupportLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      customer {
        id
      }
    }
  }
`);
const registerMutation = graphql(`
  mutation SupportRegister($input: RegisterInput!) {
    register(input: $input) {
      id
    }
  }
`);

/** Signs in through the accounts subgraph, as a client would. */
export async function signIn(accountsUrl: string, email: string, password: string): Promise<Identity> {
  const res = await gql(accountsUrl, loginMutation, { email, password });
  if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  const { accessToken, customer } = res.data!.login;
  return { id: customer.id, email, token: accessToken, headers: { authorization: `Bearer ${accessToken}` } };
}

/** The password every customer made by newCustomer signs in with. */
export const customerPassword = 'Figure-Fan-2026!';

/** Registers a fresh customer (unique email) and signs them in. */
export async function newCustomer(accountsUrl: string, country = 'FR'): Promise<Identity> {
  const email = `customer-${randomUUID()}@example.com`;
  const password = customerPassword;
  const res = await gql(accountsUrl, registerMutation, {
    input: { email, password, country, displayName: 'Test Customer' },
  });
  if (res.errors) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
  return signIn(accountsUrl, email, password);
}
