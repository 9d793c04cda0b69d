import type { AppLoadContext } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { CustomerMatch } from '../components/customer-choice.js';
import { callApi } from './api.server.js';
import type { Locale } from './format.js';
import type { Wording } from './i18n.js';

const customersQuery = graphql(`
  query BackOfficeCustomersByEmail($email: String!) {
    customers(first: 10, search: { email: $email }) {
      edges {
        node {
          id
          email
          displayName
        }
      }
    }
  }
`);

/** What `customerFromEmail` says when no customer's email starts with what staff typed, in the page's language. */
const noMatch: Wording<(email: string) => string> = {
  en: (email) => `No customer’s email starts with “${email}”.`,
  fr: (email) => `Aucun e-mail de client ne commence par « ${email} ».`,
};

export type CustomerFilter =
  { kind: 'list'; customerId: string | null; customers: CustomerMatch[] } | { kind: 'choose'; customers: CustomerMatch[]; error: string | null };

/**
 * Whose list a back-office page shows when staff typed a customer's email (or its start): the APIs filter by
 * customer id, so the email is looked up through accounts' `customers` (needs customers:read). `list`: filter by
 * `customerId` (the one chosen with `?customer=`, the only match, or null when no email was typed). `choose`: no
 * list yet, either nobody matches (`error` says so) or several do (staff pick one of `customers`).
 * An API refusal (an email too short to search) is thrown as `ApiError`, as `callApi` does. `error` is in `locale`.
 */
export async function customerFromEmail(context: AppLoadContext, accessToken: string, params: URLSearchParams, locale: Locale = 'en'): Promise<CustomerFilter> {
  const email = (params.get('email') ?? '').trim();
  const chosen = params.get('customer') || null;
  if (!email || chosen) return { kind: 'list', customerId: chosen, customers: [] };
  const customers = (await callApi(context, customersQuery, { email }, accessToken)).customers.edges.map((e) => e.node);
  if (customers.length === 0) return { kind: 'choose', customers, error: noMatch[locale](email) };
  if (customers.length > 1) return { kind: 'choose', customers, error: null };
  return { kind: 'list', customerId: customers[0]!.id, customers };
}
