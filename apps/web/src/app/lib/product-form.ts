// What staff type into the product forms, read before the API is asked: only the shape (a whole number, a list),
// never the catalog's rules (scale format, https images, known countries), which the API checks and explains.

/** One URL per line, blank lines left out, in the order typed (the first is the cover). */
export function imageLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A field left empty is null (not known); digits are the number; anything else is undefined (not a whole number). */
export function wholeOrNull(text: string): number | null | undefined {
  const typed = text.trim();
  if (typed === '') return null;
  return /^\d{1,9}$/.test(typed) ? Number(typed) : undefined;
}

export interface PackageSides {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** The package's three sides: all empty is "not measured" (null), all whole numbers is the size, anything else undefined. */
export function packageSides(length: string, width: string, height: string): PackageSides | null | undefined {
  const sides = [length, width, height].map(wholeOrNull);
  if (sides.every((s) => s === null)) return null;
  if (sides.some((s) => s === null || s === undefined)) return undefined;
  const [lengthMm, widthMm, heightMm] = sides as number[];
  return { lengthMm: lengthMm!, widthMm: widthMm!, heightMm: heightMm! };
}

/** Country codes typed as "DE, us jp": each one upper-cased, in the order typed (the API checks and dedupes them). */
export function countryCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code.length > 0);
}

/** The parts' rows as typed (name and kind side by side); a row whose name is left empty is no part (so clearing a name removes it). */
export function partRows<Category extends string>(names: string[], categories: Category[]): { name: string; category: Category }[] {
  return names.flatMap((name, i) => (name.trim() && categories[i] ? [{ name: name.trim(), category: categories[i] }] : []));
}
