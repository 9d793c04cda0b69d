import type { NoticeKind } from '../domain/notice.js';

/**
 * One message's words, each a Liquid template over the presented facts
 * (domain/presentation.ts). The layouts (layouts.ts) turn them into the HTML
 * and the plain-text part; values are escaped once, in the HTML layout.
 */
export interface MessageCopy {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Label and value rows; a row whose value renders empty is left out. */
  facts?: [label: string, value: string][];
  /** A list from the facts shown as a table: the order's lines, the spec's changes, a claim's graded parts or its offers. */
  rows?: 'lines' | 'changes' | 'parts' | 'offers';
  /** Both Liquid, like the words: an action may depend on the facts (pay an extra invoice, or view the order). */
  action?: { label: string; url: string };
}

export type Catalogue = Record<NoticeKind, MessageCopy>;
