import type { OidcProviderSettings } from '../../server/config.js';

// What the web server hands every loader and action (src/server/web-server.ts builds it).
declare module 'react-router' {
  interface AppLoadContext {
    /** The gateway's GraphQL endpoint: every call goes there, as client `web`, by trusted-document id. */
    gatewayUrl: string;
    /** Cookies only over HTTPS (on behind TLS, off on a plain-HTTP local run). */
    secureCookies: boolean;
    /** The external identity providers offered for sign-in (WEB_OIDC_PROVIDERS); empty: no such button. */
    oidcProviders: readonly OidcProviderSettings[];
  }
}

export {};
