import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../test-support/fixture-stack.js';

const externalUrl = /(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i;

describe('GraphiQL', () => {
  let stack: FixtureStack;
  let origin: URL;

  beforeAll(async () => {
    stack = await startFixtureStack();
    origin = new URL('/', stack.gateway.url);
  });
  afterAll(() => stack?.stop());

  async function page(path: string): Promise<{ response: Response; html: string }> {
    const response = await fetch(new URL(path, origin), { headers: { accept: 'text/html,application/xhtml+xml' } });
    return { response, html: await response.text() };
  }

  function referencedAssets(html: string): string[] {
    return [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  }

  it.each(['/', '/graphql'])('is served at %s to a browser, referencing only local files', async (path) => {
    const { response, html } = await page(path);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(externalUrl);
    expect(referencedAssets(html)).toEqual([
      'graphiql/graphiql.min.css',
      'graphiql/react.production.min.js',
      'graphiql/react-dom.production.min.js',
      'graphiql/graphiql.min.js',
      'graphiql/boot.js',
    ]);
  });

  it('serves every asset the page references, from this process', async () => {
    const { html } = await page('/graphql');

    for (const asset of referencedAssets(html)) {
      const response = await fetch(new URL(asset, new URL('/graphql', origin)));
      const body = await response.text();
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type'), asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(body.length, asset).toBeGreaterThan(asset === 'graphiql/boot.js' ? 100 : 10_000);
    }
  });

  it('loads nothing from elsewhere: no remote @import or url() in the stylesheet', async () => {
    const css = await (await fetch(new URL('/graphiql/graphiql.min.css', origin))).text();

    expect(css).not.toMatch(/@import/);
    expect(css.match(/url\(\s*(?!["']?data:)[^)]*\)/g) ?? []).toEqual([]);
  });

  it('still lets API clients GET /graphql as GraphQL', async () => {
    const url = new URL('/graphql', origin);
    url.searchParams.set('query', '{ __typename }');

    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } });

    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers 404 for files it does not serve', async () => {
    expect((await fetch(new URL('/graphiql/../../package.json', origin))).status).toBe(404);
    expect((await fetch(new URL('/graphiql/secret.js', origin))).status).toBe(404);
  });
});
