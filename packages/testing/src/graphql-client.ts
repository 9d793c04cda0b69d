export interface GraphQLResponse<TData = any> {
  status: number;
  headers: Headers;
  data?: TData;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A tiny GraphQL-over-HTTP client for tests: what a storefront would send, nothing more. */
export async function gql<TData = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: TData; errors?: GraphQLResponse['errors'] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, data: body.data as TData, errors: body.errors };
}
