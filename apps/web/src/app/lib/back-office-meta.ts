import { metaLocale, wordsIn } from './i18n.js';
import { backOfficeWords, type BackOfficeSection } from './messages/admin/back-office.js';

/** A back-office section page's `meta`: its name in the browser's tab, in the language the root loader picked. */
export function sectionMeta({ matches }: { matches: readonly unknown[] }, section: BackOfficeSection) {
  const w = wordsIn(backOfficeWords, metaLocale(matches));
  return [{ title: w.title(w.sections[section].title) }];
}
