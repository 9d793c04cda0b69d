import { Liquid, type Template } from 'liquidjs';
import type { Language } from '../domain/languages.js';
import type { NoticeKind } from '../domain/notice.js';
import { english } from './copy.en.js';
import { french } from './copy.fr.js';
import { htmlLayout, signatures, textLayout } from './layouts.js';
import type { Catalogue, MessageCopy } from './message-copy.js';

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

const catalogues: Record<Language, Catalogue> = { en: english, fr: french };

// Words are rendered raw (values are inserted as they are), then escaped once by the HTML layout.
const words = new Liquid({ strictFilters: true });
const html = new Liquid({ strictFilters: true, outputEscape: 'escape' });
const htmlTemplate: Template[] = html.parse(htmlLayout);
const textTemplate: Template[] = words.parse(textLayout);

// Each copy string parsed once: Liquid's own cache is for template files, so a string was parsed again on every
// message (a fifth of rendering's time in a bench profile). The copy is a fixed catalogue, so this stays small.
const parsedCopy = new Map<string, Template[]>();
function parsed(template: string): Template[] {
  let found = parsedCopy.get(template);
  if (!found) parsedCopy.set(template, (found = words.parse(template)));
  return found;
}

const fill = (template: string, vars: Record<string, unknown>): string => String(words.renderSync(parsed(template), vars)).trim();

/** Renders `kind` in `language` from presented facts (domain/presentation.ts): the subject, the HTML part and the text part. */
export function renderMessage(kind: NoticeKind, language: Language, vars: Record<string, unknown>): RenderedMessage {
  const copy: MessageCopy = catalogues[language][kind];
  const subject = fill(copy.subject, vars).replace(/\s+/g, ' ');
  const scope = {
    language,
    subject,
    heading: fill(copy.heading, vars),
    paragraphs: copy.paragraphs.map((p) => fill(p, vars)).filter((p) => p.length > 0),
    rows: copy.rows ? ((vars[copy.rows] as { label: string; value: string }[] | undefined) ?? []) : [],
    facts: (copy.facts ?? []).map(([label, value]) => ({ label, value: fill(value, vars) })).filter((f) => f.value.length > 0),
    action: copy.action ? { label: fill(copy.action.label, vars), url: fill(copy.action.url, vars) } : null,
    signature: signatures[language],
  };
  return { subject, html: String(html.renderSync(htmlTemplate, scope)), text: `${String(words.renderSync(textTemplate, scope)).trim()}\n` };
}
