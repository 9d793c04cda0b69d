import { graphqlEnum } from '@vitrine/platform';
import { partCategories } from '../domain/part-categories.js';
import { assemblyKinds } from '../domain/product-details.js';

export const AssemblyKindEnum = graphqlEnum(assemblyKinds, {
  name: 'AssemblyKind',
  description: 'What the customer does to put it together.',
  valuesConfig: {
    NONE: { description: 'Ready to display.' },
    MAGNETS: { description: 'Parts attach with magnets.' },
    GLUE: { description: 'Some parts must be glued.' },
    MAGNETS_AND_GLUE: { description: 'Magnets and glue.' },
  },
});

export const PartCategoryEnum = graphqlEnum(partCategories, {
  name: 'PartCategory',
  description: "A part's after-sales category: it sets the most a partial refund pays for that part (the store's compensation table).",
});
