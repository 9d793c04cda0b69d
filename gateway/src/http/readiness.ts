export interface SubgraphOutage {
  readonly name: string;
  readonly healthUrl: string;
  readonly reason: string;
}

/**
 * Asks every replica's `/health` (on the same origin as its GraphQL endpoint)
 * in parallel; returns the subgraphs none of whose replicas answered 200 in
 * time (one replica up serves the subgraph), naming the first replica's reason.
 */
export async function findSubgraphOutages(subgraphUrls: Readonly<Record<string, readonly string[]>>, timeoutMs = 2000): Promise<SubgraphOutage[]> {
  const checks = Object.entries(subgraphUrls).map(async ([name, urls]): Promise<SubgraphOutage | undefined> => {
    const outages = await Promise.all(urls.map((url) => replicaOutage(name, url, timeoutMs)));
    return outages.every((outage) => outage !== undefined) ? outages[0] : undefined;
  });
  return (await Promise.all(checks)).filter((outage) => outage !== undefined);
}

async function replicaOutage(name: string, url: string, timeoutMs: number): Promise<SubgraphOutage | undefined> {
  const healthUrl = new URL('/health', url).href;
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status === 200 ? undefined : { name, healthUrl, reason: `HTTP ${response.status}` };
  } catch (error) {
    return { name, healthUrl, reason: describeFetchFailure(error) };
  }
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timed out';
  // undici hides the useful part (ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
