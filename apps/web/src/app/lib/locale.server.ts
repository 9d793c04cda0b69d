import { createCookie, type AppLoadContext } from 'react-router';
import { pickLocale, type Locale } from './i18n.js';

/** The language the customer chose with the switch: a plain preference, kept a year (not a secret, so not httpOnly-critical). */
const localeCookie = (context: AppLoadContext) =>
  createCookie('vitrine_locale', { httpOnly: true, sameSite: 'lax', path: '/', secure: context.secureCookies, maxAge: 365 * 86_400 });

export async function requestLocale(request: Request, context: AppLoadContext): Promise<Locale> {
  const chosen: unknown = await localeCookie(context).parse(request.headers.get('cookie'));
  return pickLocale(typeof chosen === 'string' ? chosen : null, request.headers.get('accept-language'));
}

/** The API's `RuleLanguage` for a page in `locale`: orders and after-sales word store-policy rules in it. */
export const ruleLanguage = (locale: Locale): 'EN' | 'FR' => (locale === 'fr' ? 'FR' : 'EN');

export const saveLocale = (context: AppLoadContext, locale: Locale) => localeCookie(context).serialize(locale);
