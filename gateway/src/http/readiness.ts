export interface SubgraphOutage {
  readonly name: string;
  readonly healthUrl: string;
  readonly reason: string;
}

/**
 * Asks every subgraph's `/health` (on the same origin as its GraphQL endpoint)
 * in parallel; returns the ones that did not answer 200 in time.
 */
export async function findSubgraphOutages(subgraphUrls: Readonly<Record<string, string>>, timeoutMs = 2000): Promise<SubgraphOutage[]> {
  const checks = Object.entries(subgraphUrls).map(async ([name, url]): Promise<SubgraphOutage | undefined> => {
    const healthUrl = new URL('/health', url).href;
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      return response.status === 200 ? undefined : { name, healthUrl, reason: `HTTP ${response.status}` };
    } catch (error) {
      return { name, healthUrl, reason: describeFetchFailure(error) };
    }
  });
  return (await Promise.all(checks)).filter((outage) => outage !== undefined);
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timed out';
  // undici hides the useful part (ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
