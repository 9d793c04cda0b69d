/** The web server is up (stack and tests wait on it). */
export function loader() {
  return new Response('ok', { headers: { 'content-type': 'text/plain' } });
}
