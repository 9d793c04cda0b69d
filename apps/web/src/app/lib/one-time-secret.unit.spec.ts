import type { AppLoadContext } from 'react-router';
import { describe, expect, it } from 'vitest';
import { redirectWithSecret, takeSecret } from './one-time-secret.server.js';

const context = { gatewayUrl: 'http://gateway.invalid/graphql', secureCookies: true } as AppLoadContext;
const secret = { partnerId: 'p-1', label: 'Webhook signing secret of Acme', secret: 'whsec_abc' };

/** The browser's next request to the page the redirect names, with the cookie it was given. */
async function followed(response: Response, to: string) {
  const setCookie = response.headers.get('set-cookie')!;
  return new Request(`http://web.invalid${to}`, { headers: { cookie: setCookie.split(';')[0]! } });
}

describe('a secret shown once', () => {
  it('rides the redirect in a short-lived httpOnly, strict cookie of the partners’ pages, never in the URL', async () => {
    const response = await redirectWithSecret(context, '/admin/partners/p-1?done=created', secret);
    expect(response.headers.get('location')).toBe('/admin/partners/p-1?done=created');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/admin\/partners/);
    expect(cookie).toMatch(/Max-Age=120/);
    expect(cookie).toMatch(/Secure/);
  });

  it('is given to its partner’s page and cleared by it', async () => {
    const request = await followed(await redirectWithSecret(context, '/admin/partners/p-1', secret), '/admin/partners/p-1');
    const taken = await takeSecret(request, context, 'p-1');
    expect(taken.secret).toEqual(secret);
    expect(taken.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('is never shown on another partner’s page, and cleared there too', async () => {
    const request = await followed(await redirectWithSecret(context, '/admin/partners/p-1', secret), '/admin/partners/p-2');
    const taken = await takeSecret(request, context, 'p-2');
    expect(taken.secret).toBeNull();
    expect(taken.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('leaves a page without one as it is', async () => {
    const taken = await takeSecret(new Request('http://web.invalid/admin/partners/p-1'), context, 'p-1');
    expect(taken).toEqual({ secret: null, headers: new Headers() });
  });
});
