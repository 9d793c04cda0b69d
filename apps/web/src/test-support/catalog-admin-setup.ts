import { expect } from 'vitest';
import { graph, type TestStack } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What the back office's warehouse, studio and product-list pages are set up with and checked against: the API's
// own answers, as staff.

const warehousesQuery = graphql(`
  query WebCatalogAdminWarehouses {
    warehouses {
      id
      code
      name
      country
      heldByFactory
      allocationPriority
      retiredAt
      returnAddress {
        name
        line1
        line2
        postalCode
        city
        region
        country
      }
    }
  }
`);
const createWarehouseMutation = graphql(`
  mutation WebCatalogAdminCreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      id
    }
  }
`);
const adjustMutation = graphql(`
  mutation WebCatalogAdminAdjust($p: ID!, $w: ID!, $d: Int!, $r: String!) {
    adjustStock(productId: $p, warehouseId: $w, delta: $d, reason: $r) {
      id
    }
  }
`);
const studioQuery = graphql(`
  query WebCatalogAdminStudio($id: ID!) {
    studio(id: $id) {
      id
      name
    }
  }
`);
const createStudioMutation = graphql(`
  mutation WebCatalogAdminCreateStudio($input: CreateStudioInput!) {
    createStudio(input: $input) {
      id
    }
  }
`);
const openCampaignMutation = graphql(`
  mutation WebCatalogAdminOpenCampaign($id: ID!, $closesAt: DateTimeISO!) {
    openPreorderCampaign(productId: $id, input: { closesAt: $closesAt }) {
      state
    }
  }
`);
const clockQuery = graphql(`
  query WebCatalogAdminClock {
    sandboxClock {
      now
    }
  }
`);

/** Every warehouse as the API lists them to staff. */
export async function warehousesNow(stack: TestStack) {
  const res = await graph(stack, warehousesQuery, {}, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.warehouses;
}

/** A new own warehouse in France; its id. */
export async function addWarehouse(stack: TestStack, code: string, name: string): Promise<string> {
  const res = await graph(stack, createWarehouseMutation, { input: { code, name, country: 'FR', heldByFactory: false, allocationPriority: 60 } }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createWarehouse.id;
}

/** Staff write units off (or count more) in a warehouse through the API. */
export async function adjustStock(stack: TestStack, productId: string, warehouseId: string, delta: number): Promise<void> {
  const res = await graph(stack, adjustMutation, { p: productId, w: warehouseId, d: delta, r: 'Moved to another warehouse.' }, stack.admin);
  expect(res.errors).toBeUndefined();
}

/** One studio as the API gives it, or null when there is none with this id. */
export async function studioNow(stack: TestStack, id: string) {
  const res = await graph(stack, studioQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.studio;
}

export async function addStudio(stack: TestStack, name: string): Promise<string> {
  const res = await graph(stack, createStudioMutation, { input: { name, country: 'JP', contactEmail: 'studio@example.com' } }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createStudio.id;
}

/** Opens an announced product's preorder window closing `hours` after the store's clock. */
export async function openWindowClosingIn(stack: TestStack, productId: string, hours: number): Promise<void> {
  const clock = await graph(stack, clockQuery, {}, stack.admin);
  const closesAt = new Date(Date.parse(clock.data!.sandboxClock.now) + hours * 3_600_000).toISOString();
  const res = await graph(stack, openCampaignMutation, { id: productId, closesAt }, stack.admin);
  expect(res.data?.openPreorderCampaign.state, JSON.stringify(res.errors)).toBe('OPEN');
}
