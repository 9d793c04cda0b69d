/** The languages notifications are written in. A template exists for every kind in each. */
export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

/** Countries whose customers get French unless they chose otherwise (French is an official, majority language there). */
const frenchSpeakingCountries: ReadonlySet<string> = new Set(['FR', 'MC', 'BE', 'LU']);

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/** The customer's own choice first, then their country's language, then English. */
export function languageFor(preference: string | null | undefined, country: string | null | undefined): Language {
  if (preference && isLanguage(preference)) return preference;
  if (country && frenchSpeakingCountries.has(country.toUpperCase())) return 'fr';
  return 'en';
}

/** The locale numbers and dates are formatted in. */
export function localeOf(language: Language): string {
  return language === 'fr' ? 'fr-FR' : 'en-US';
}
