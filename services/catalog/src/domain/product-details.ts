import type { FieldProblem } from '@vitrine/platform/domain';
import { isPartCategory, type PartCategory } from './part-categories.js';
import { checkOwnImage, ownImageKey, type OwnImageStore } from './product-images.js';

export const assemblyKinds = ['NONE', 'MAGNETS', 'GLUE', 'MAGNETS_AND_GLUE'] as const;
export type AssemblyKind = (typeof assemblyKinds)[number];

export interface PackageDimensions {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface Assembly {
  kind: AssemblyKind;
  note: string | null;
}

/** One part of the product, as after-sales will refer to it (grade x the category's max reimbursement). */
export interface ProductPart {
  name: string;
  category: PartCategory;
}

/** What a product is, beyond what it costs and where it may be sold. */
export interface ProductDetails {
  series: string | null;
  licence: string | null;
  description: string;
  /** https URLs staff typed, or our image store's URLs, in display order (the first is the cover). */
  images: string[];
  scale: string | null;
  material: string | null;
  weightGrams: number | null;
  packageDimensions: PackageDimensions | null;
  assembly: Assembly;
  parts: ProductPart[];
}

/** What an unset product says: nothing known yet, nothing to assemble. */
export const emptyProductDetails: ProductDetails = {
  series: null,
  licence: null,
  description: '',
  images: [],
  scale: null,
  material: null,
  weightGrams: null,
  packageDimensions: null,
  assembly: { kind: 'NONE', note: null },
  parts: [],
};

/** Input for some details: a field left out (undefined) is not given; null clears it. */
export type ProductDetailsInput = {
  [K in keyof ProductDetails]?:
    (K extends 'assembly' ? { kind: string; note?: string | null } : K extends 'parts' ? { name: string; category: string }[] : ProductDetails[K]) | null;
};

export const productDetailLimits = {
  textLength: 120,
  materialLength: 200,
  descriptionLength: 10_000,
  images: 30,
  urlLength: 2048,
  parts: 100,
  noteLength: 500,
  maxWeightGrams: 1_000_000,
  maxDimensionMm: 10_000,
} as const;

// "1/7", "1/4", "1/12", "1/1" (life size); collectors write non-scale for chibi and busts.
const scalePattern = /^1\/([1-9]\d{0,2})$/;

/**
 * Checks and normalises the details given (trimmed text, empty text -> null),
 * reporting every problem at once. Only the fields given are returned, so the
 * same check serves creation (merged over emptyProductDetails) and updates.
 * `ownImages`: our image store, whose URLs are taken besides https ones.
 */
export function checkProductDetails(
  input: ProductDetailsInput,
  ownImages: OwnImageStore | null = null,
): { details: Partial<ProductDetails>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const details: Partial<ProductDetails> = {};
  const l = productDetailLimits;
  if (input.series !== undefined) details.series = optionalText(input.series, 'series', l.textLength, problems);
  if (input.licence !== undefined) details.licence = optionalText(input.licence, 'licence', l.textLength, problems);
  if (input.material !== undefined) details.material = optionalText(input.material, 'material', l.materialLength, problems);
  if (input.description !== undefined) details.description = optionalText(input.description, 'description', l.descriptionLength, problems) ?? '';
  if (input.images !== undefined) details.images = checkImages(input.images ?? [], ownImages, problems);
  if (input.scale !== undefined) details.scale = checkScale(input.scale, problems);
  if (input.weightGrams !== undefined) {
    details.weightGrams = input.weightGrams;
    if (input.weightGrams !== null && !isWholeIn(input.weightGrams, 1, l.maxWeightGrams)) {
      problems.push({ field: 'weightGrams', reason: 'OUT_OF_RANGE', message: `Weight must be a whole number of grams between 1 and ${l.maxWeightGrams}.` });
    }
  }
  if (input.packageDimensions !== undefined) {
    const d = input.packageDimensions;
    details.packageDimensions = d === null ? null : { lengthMm: d.lengthMm, widthMm: d.widthMm, heightMm: d.heightMm };
    for (const side of ['lengthMm', 'widthMm', 'heightMm'] as const) {
      if (input.packageDimensions !== null && !isWholeIn(input.packageDimensions[side], 1, l.maxDimensionMm)) {
        problems.push({
          field: `packageDimensions.${side}`,
          reason: 'OUT_OF_RANGE',
          message: `Each package side must be a whole number of millimetres between 1 and ${l.maxDimensionMm}.`,
        });
      }
    }
  }
  if (input.assembly !== undefined) details.assembly = checkAssembly(input.assembly, problems);
  if (input.parts !== undefined) details.parts = checkParts(input.parts ?? [], problems);
  return { details, problems };
}

const isWholeIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function optionalText(value: string | null, field: string, max: number, problems: FieldProblem[]): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) problems.push({ field, reason: 'TOO_LONG', message: `Keep ${field} under ${max} characters.` });
  return text.length === 0 ? null : text;
}

/**
 * Images are shown to customers straight from these URLs: https only (no mixed content), or our own image store's
 * (its address is the operator's choice: http on a local demo), only this product's uploads; no duplicates.
 */
function checkImages(images: readonly string[], ownImages: OwnImageStore | null, problems: FieldProblem[]): string[] {
  const clean = images.map((i) => i.trim());
  if (clean.length > productDetailLimits.images) {
    problems.push({ field: 'images', reason: 'TOO_MANY', message: `At most ${productDetailLimits.images} images.` });
  }
  clean.forEach((url, i) => {
    const key = ownImageKey(url, ownImages);
    const own = key === null ? null : checkOwnImage(key, ownImages!, `images.${i}`);
    if (own) problems.push(own);
    else if (key === null && !isHttpsUrl(url)) problems.push({ field: `images.${i}`, reason: 'INVALID_URL', message: 'Each image must be an https:// URL.' });
    else if (clean.indexOf(url) !== i) problems.push({ field: `images.${i}`, reason: 'DUPLICATE', message: 'This image is already listed.' });
  });
  return clean;
}

export function isHttpsUrl(text: string): boolean {
  if (text.length > productDetailLimits.urlLength || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function checkScale(value: string | null, problems: FieldProblem[]): string | null {
  const text = value?.trim() ?? '';
  if (text.length === 0) return null;
  if (/^non[- ]?scale$/i.test(text)) return 'Non-scale';
  if (!scalePattern.test(text)) problems.push({ field: 'scale', reason: 'INVALID_SCALE', message: 'Scale must look like 1/7 (1/1 to 1/999) or be Non-scale.' });
  return text;
}

function checkAssembly(value: { kind: string; note?: string | null } | null, problems: FieldProblem[]): Assembly {
  if (value === null) return emptyProductDetails.assembly;
  if (!(assemblyKinds as readonly string[]).includes(value.kind)) {
    problems.push({ field: 'assembly.kind', reason: 'UNKNOWN_ASSEMBLY', message: `Assembly must be one of ${assemblyKinds.join(', ')}.` });
  }
  return { kind: value.kind as AssemblyKind, note: optionalText(value.note ?? null, 'assembly.note', productDetailLimits.noteLength, problems) };
}

function checkParts(parts: readonly { name: string; category: string }[], problems: FieldProblem[]): ProductPart[] {
  if (parts.length > productDetailLimits.parts) problems.push({ field: 'parts', reason: 'TOO_MANY', message: `At most ${productDetailLimits.parts} parts.` });
  return parts.map((part, i) => {
    const name = part.name.trim();
    if (name.length === 0 || name.length > productDetailLimits.textLength) {
      problems.push({
        field: `parts.${i}.name`,
        reason: 'INVALID_LENGTH',
        message: `Each part needs a name of 1 to ${productDetailLimits.textLength} characters.`,
      });
    }
    if (!isPartCategory(part.category))
      problems.push({ field: `parts.${i}.category`, reason: 'UNKNOWN_CATEGORY', message: 'Pick an after-sales category for each part.' });
    return { name, category: part.category as PartCategory };
  });
}
