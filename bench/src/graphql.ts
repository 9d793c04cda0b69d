interface GraphqlError {
  message: string;
  extensions?: { code?: string; problems?: { reason?: string }[] };
}

interface GraphqlResponse<TData> {
  data?: TData | null;
  errors?: GraphqlError[];
}

/** For set-up and checks, not for load: one request, bounded in time. */
async function gql<TData>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<GraphqlResponse<TData>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as GraphqlResponse<TData>;
  } catch {
    throw new Error(`HTTP ${res.status} from ${url}: ${text.slice(0, 200)}`);
  }
}

/** Like gql, but a response with errors (or without data) is a failure. */
export async function gqlData<TData>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<TData> {
  const res = await gql<TData>(url, query, variables, headers);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(res.errors ?? res)}`);
  return res.data;
}

/** `Authorization` header for a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * One label per response for the tallies: `ok`, the error codes (an error
 * with problems is labelled by their reasons too, e.g.
 * BAD_USER_INPUT/UNKNOWN_PRODUCT), or what was wrong with the HTTP answer.
 * `isOk` may return a label of its own for data that is wrong in a known way
 * (e.g. `WRONG_CUSTOMER`) instead of `false` (`unexpected data`).
 */
export function classifyResponse(status: number, body: string, isOk: (data: unknown) => boolean | string): string {
  let parsed: GraphqlResponse<unknown>;
  try {
    parsed = JSON.parse(body) as GraphqlResponse<unknown>;
  } catch {
    return `HTTP ${status} (no JSON body)`;
  }
  if (parsed.errors?.length) {
    const labels = parsed.errors.map((e) => {
      const code = e.extensions?.code ?? 'NO_CODE';
      const reasons = [...new Set((e.extensions?.problems ?? []).map((p) => p.reason).filter(Boolean))];
      return reasons.length ? `${code}/${reasons.join('+')}` : code;
    });
    const label = [...new Set(labels)].join(', ');
    return status >= 200 && status < 300 ? label : `HTTP ${status}: ${label}`;
  }
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  const verdict = isOk(parsed.data);
  if (typeof verdict === 'string') return verdict;
  return verdict ? 'ok' : 'unexpected data';
}
