import { graphql } from '../../__generated__/app/index.js';

/**
 * After-sales' `ReturnAddress` as every page that says where to send an item back reads it (a return, a claim
 * resolved by a return, the back office's returns queue). Codegen adds the fragment's text to each operation that
 * spreads it (`...ReturnAddressFields`), so each stays one trusted document of its own.
 */
export const returnAddressFields = graphql(`
  fragment ReturnAddressFields on ReturnAddress {
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
