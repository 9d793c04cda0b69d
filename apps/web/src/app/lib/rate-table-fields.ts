import { graphql } from '../../__generated__/app/index.js';

/**
 * A rate table's whole content (zones, methods with their brackets and surcharges, the reference item), as the rate
 * tables page shows it and the publish form is filled from it. Codegen adds the fragment's text to each operation
 * that spreads it (`...RateTableFields`), so each stays one trusted document of its own.
 */
export const rateTableFields = graphql(`
  fragment RateTableFields on RateTable {
    version
    currency
    referenceItem {
      weightGrams
      dimensions {
        lengthMm
        widthMm
        heightMm
      }
    }
    zones {
      code
      name
      countries
    }
    methods {
      code
      label
      origin
      volumetricDivisor
      rates {
        zone
        brackets {
          upToGrams
          amount
        }
        perExtraKg
      }
      surcharges {
        code
        label
        flat
        percentBps
        zones
      }
    }
  }
`);
