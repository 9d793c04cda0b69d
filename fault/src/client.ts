/**
 * One GraphQL request through the gateway, as a storefront sends it, and
 * what came back, in the classes the fault checks count: an answer with
 * data, a coded error, or no answer at all (connection refused or cut, or
 * nothing before the client's timeout).
 */
export interface Answer<TData> {
  /** Class of the answer for the tallies: `ok`, `<code>[/<rule>]`, `HTTP <status> <code>`, `no JSON body (HTTP <status>)`, `timeout`, `connection <code>`. */
  label: string;
  data?: TData;
  code?: string;
  rule?: string;
  /** No answer (refused, reset, timed out): the request may or may not have been served. */
  unanswered: boolean;
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string; rule?: string };
}

export async function request<TData>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  timeoutMs: number,
): Promise<Answer<TData>> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') return { label: 'timeout', unanswered: true };
    // undici hides the useful part (ECONNREFUSED, UND_ERR_SOCKET) in `cause`.
    const cause = (err as { cause?: { code?: string } }).cause;
    return { label: `connection ${cause?.code ?? (err as Error).name}`, unanswered: true };
  }
  let body: { data?: TData | null; errors?: GraphqlError[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { label: `no JSON body (HTTP ${res.status})`, unanswered: false };
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? 'NO_CODE';
    const rule = error.extensions?.rule;
    const coded = rule ? `${code}/${rule}` : code;
    return { label: res.status === 200 ? coded : `HTTP ${res.status} ${coded}`, code, ...(rule && { rule }), unanswered: false };
  }
  if (res.status !== 200 || !body.data) return { label: `HTTP ${res.status} without errors`, unanswered: false };
  return { label: 'ok', data: body.data, unanswered: false };
}

/** Data or a thrown error: for set-up and checks, where any failure is the test's. */
export async function must<TData>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<TData> {
  const answer = await request<TData>(url, query, variables, token, 30_000);
  if (!answer.data) throw new Error(`${query.slice(0, 60)}...: ${answer.label}`);
  return answer.data;
}
