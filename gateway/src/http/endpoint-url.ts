/**
 * The GraphQL endpoint as logged and returned by startGateway. A wildcard
 * bind is reachable on loopback, so it is shown as localhost (something a
 * browser can open); an IPv6 address gets its URL brackets.
 */
export function endpointUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/graphql`;
}
