/** What the gateway answers to a GraphQL POST, as tests read it. */
export interface GraphqlBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL request to the gateway: an operation, a batch (array), or a string sent as is (malformed JSON). */
export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** post, with the status and the JSON answer read. */
export async function postForJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: GraphqlBody }> {
  const response = await post(url, body, headers);
  return { status: response.status, body: (await response.json()) as GraphqlBody };
}
