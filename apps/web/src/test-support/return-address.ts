import { graphql } from '../__generated__/test/index.js';

/** After-sales' `ReturnAddress` as the specs read it back (the app's own reads spread `ReturnAddressFields`). */
export const testReturnAddressFields = graphql(`
  fragment TestReturnAddressFields on ReturnAddress {
    name
    line1
    line2
    postalCode
    city
    region
    country
    warehouseCode
  }
`);
