import type { Page } from 'playwright-core';

// Words that French never uses and English sentences can hardly do without: a line of a French page holding one of
// them is most likely a sentence the page forgot to translate.
// Bounded by letters in any script: an ASCII \b would find "not" in "noté".
const englishOnly =
  /(?<![\p{L}\p{N}])(the|and|with|your|this|was|were|has|have|not|for|from|of|to|by|is|are|will|which|what|when|been|it|its|there|here|only|each|every|after|before)(?![\p{L}\p{N}])/iu;

/**
 * The lines of the page's main content (its visible text, as a reader gets it) that read as English, less those
 * holding one of `data` (what the test itself or the API put there: names, emails, a policy's own English).
 */
export async function englishLines(page: Page, data: readonly (string | RegExp)[] = []): Promise<string[]> {
  const text = await page.locator('#main, main').first().innerText();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => englishOnly.test(line))
    .filter((line) => !data.some((d) => (typeof d === 'string' ? line.includes(d) : d.test(line))));
}
