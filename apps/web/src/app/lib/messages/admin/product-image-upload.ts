import type { Wording } from '../../i18n.js';

// The product image upload's answers to the details page's script (routes/admin/product-image-upload.ts).

const en = {
  outOfDate: 'This form is out of date. Please reload the page.',
};

const fr: typeof en = {
  outOfDate: 'Ce formulaire n’est plus à jour. Veuillez recharger la page.',
};

export const productImageUploadWords: Wording<typeof en> = { en, fr };
