import { carriesLink } from './account-notices.js';
import type { Language } from './languages.js';
import type { NoticeFacts } from './notice.js';

/**
 * What is kept of a sent email so its customer can read it again: its plain-text part, as it went out.
 * Bounded: no template comes near it, but a body is stored with every message for as long as the account lives.
 */
export const keptBodyMaxChars = 20_000;

/** In place of an account link: it carried a single-use token, a secret that is never kept once sent. */
export const removedLinkWords: Record<Language, string> = {
  en: '[link removed: it worked once, for you only]',
  fr: '[lien retiré : il ne servait qu’une fois, à vous seul]',
};

const cutWords: Record<Language, string> = { en: '[… the rest is not kept]', fr: '[… la suite n’est pas conservée]' };

const urls = /https?:\/\/\S+/g;

/**
 * The text body kept for a message once sent, or null when none may be. A message whose link carries a token
 * (password reset, address verification or change) is kept with every link holding that token replaced by
 * `removedLinkWords`; if the token could still be found in it after that (written some other way), nothing is
 * kept rather than the secret. `facts` are the message's facts as rendered, token included.
 */
export function keptBody(kind: string, language: Language, facts: NoticeFacts, text: string): string | null {
  let body = text;
  if (carriesLink(kind)) {
    const token = facts.token;
    if (typeof token !== 'string' || token.length === 0) return null;
    const forms = [...new Set([token, encodeURIComponent(token)])];
    body = body.replace(urls, (url) => (forms.some((form) => url.includes(form)) ? removedLinkWords[language] : url));
    if (forms.some((form) => body.includes(form))) return null;
  }
  if (body.length <= keptBodyMaxChars) return body;
  const cut = cutWords[language];
  return `${body.slice(0, keptBodyMaxChars - cut.length - 1)}\n${cut}`;
}
