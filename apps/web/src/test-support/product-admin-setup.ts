import { expect } from 'vitest';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What the back office's product pages are checked against afterwards: the API's own answer, as staff.

const productQuery = graphql(`
  query WebAdminProductState($id: ID!) {
    product(id: $id) {
      name
      description
      status
      allowedStatusMoves
      images
      scale
      material
      weightGrams
      packageDimensions {
        lengthMm
        widthMm
        heightMm
      }
      assembly {
        kind
      }
      parts {
        name
        category
      }
      downPayment {
        required
        amount {
          amount
        }
      }
      studio {
        name
      }
      price {
        amount
      }
      regionBlocks
      maxQuantityPerOrder
      maxQuantityPerCustomer
      specChanges {
        changes {
          field
          from
          to
        }
        reason
      }
      stockLevels {
        warehouse {
          id
        }
        onHand
        reserved
      }
    }
  }
`);
const discontinueMutation = graphql(`
  mutation WebAdminDiscontinue($id: ID!) {
    changeProductStatus(productId: $id, status: DISCONTINUED, reason: "The maker cancelled it.") {
      status
    }
  }
`);
const catalogPlacesQuery = graphql(`
  query WebAdminCatalogPlaces {
    studios {
      id
      name
      country
      contactEmail
    }
    warehouses {
      code
      name
      heldByFactory
      allocationPriority
    }
  }
`);

/** The product as the API gives it to staff. */
export async function productState(stack: TestStack, id: string) {
  const res = await graph(stack, productQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.product!;
}

/** Every studio and warehouse, as the API lists them. */
export async function catalogPlaces(stack: TestStack) {
  const res = await graph(stack, catalogPlacesQuery, {}, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** Staff discontinue the product through the API (a status no move leaves). */
export async function discontinue(stack: TestStack, id: string): Promise<void> {
  const res = await graph(stack, discontinueMutation, { id }, stack.admin);
  expect(res.data?.changeProductStatus.status, JSON.stringify(res.errors)).toBe('DISCONTINUED');
}
