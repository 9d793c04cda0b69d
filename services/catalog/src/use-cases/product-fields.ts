import type { DescriptiveFields, DescriptivePatch } from '../domain/product-update.js';
import type { Product, ProductFacts } from '../store/product.entity.js';

/** A product's descriptive fields in domain shape (package dimensions as one value, down payment as one). */
export function descriptiveFieldsOf(product: ProductFacts): DescriptiveFields {
  const [lengthMm, widthMm, heightMm] = [product.packageLengthMm ?? null, product.packageWidthMm ?? null, product.packageHeightMm ?? null];
  const downPaymentAmount = product.downPaymentAmount ?? null;
  return {
    name: product.name,
    studioId: product.studioId ?? null,
    series: product.series ?? null,
    licence: product.licence ?? null,
    description: product.description,
    images: [...product.images],
    scale: product.scale ?? null,
    material: product.material ?? null,
    weightGrams: product.weightGrams ?? null,
    packageDimensions: lengthMm === null || widthMm === null || heightMm === null ? null : { lengthMm, widthMm, heightMm },
    assembly: { kind: product.assemblyKind, note: product.assemblyNote ?? null },
    parts: product.parts.map((p) => ({ name: p.name, category: p.category })),
    downPayment: { required: downPaymentAmount !== null, amount: downPaymentAmount },
  };
}

/** Writes the given fields onto the entity (columns in entity shape). */
export function applyDescriptiveFields(product: Product, patch: DescriptivePatch): void {
  if (patch.name !== undefined) product.name = patch.name;
  if (patch.studioId !== undefined) product.studioId = patch.studioId;
  if (patch.series !== undefined) product.series = patch.series;
  if (patch.licence !== undefined) product.licence = patch.licence;
  if (patch.description !== undefined) product.description = patch.description;
  if (patch.images !== undefined) product.images = patch.images;
  if (patch.scale !== undefined) product.scale = patch.scale;
  if (patch.material !== undefined) product.material = patch.material;
  if (patch.weightGrams !== undefined) product.weightGrams = patch.weightGrams;
  if (patch.packageDimensions !== undefined) {
    product.packageLengthMm = patch.packageDimensions?.lengthMm ?? null;
    product.packageWidthMm = patch.packageDimensions?.widthMm ?? null;
    product.packageHeightMm = patch.packageDimensions?.heightMm ?? null;
  }
  if (patch.assembly !== undefined) {
    product.assemblyKind = patch.assembly.kind;
    product.assemblyNote = patch.assembly.note;
  }
  if (patch.parts !== undefined) product.parts = patch.parts;
  if (patch.downPayment !== undefined) product.downPaymentAmount = patch.downPayment.amount;
}
