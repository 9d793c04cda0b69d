import { expect } from 'vitest';
import type { TestStack } from '@vitrine/e2e/support/stack';
import { graph } from '@vitrine/e2e/support/stack';
import { graphql } from '../__generated__/test/index.js';

// What staff set up before a customer walks in (through the gateway, as the stack's admin): a studio, a
// limited-run preorder with a release date that already slipped once, and its deposit plan.

const createStudioMutation = graphql(`
  mutation WebSetupStudio($input: CreateStudioInput!) {
    createStudio(input: $input) {
      id
    }
  }
`);
const createProductMutation = graphql(`
  mutation WebSetupProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`);
const releaseDateMutation = graphql(`
  mutation WebSetupReleaseDate($id: ID!, $estimate: String!, $reason: String!) {
    changeReleaseDate(productId: $id, estimate: $estimate, reason: $reason) {
      id
    }
  }
`);
const openCampaignMutation = graphql(`
  mutation WebSetupOpenCampaign($id: ID!, $input: OpenPreorderInput!) {
    openPreorderCampaign(productId: $id, input: $input) {
      state
    }
  }
`);

export interface PreorderFigure {
  id: string;
  name: string;
  studio: string;
}

/** Days the preorder window stays open after set-up. */
export const windowDays = 10;

export async function preorderFigure(stack: TestStack, label: string): Promise<PreorderFigure> {
  const unique = `${process.pid}-${Date.now()}`;
  const studioName = `Studio ${label} ${unique}`;
  const studio = await graph(stack, createStudioMutation, { input: { name: studioName, country: 'JP', contactEmail: 'studio@example.com' } }, stack.admin);
  expect(studio.errors).toBeUndefined();
  const name = `Rengoku Kyojuro 1/7 ${label}`;
  const created = await graph(
    stack,
    createProductMutation,
    {
      input: {
        sku: `WEB-${unique}`,
        name,
        price: { amount: 10_000, currency: 'USD' },
        status: 'ANNOUNCED',
        studioId: studio.data!.createStudio.id,
        series: 'Demon Slayer',
        description: 'A 1/7 scale statue of the Flame Hashira.',
        scale: '1/7',
        material: 'PVC, ABS',
        weightGrams: 1_200,
        packageDimensions: { lengthMm: 320, widthMm: 220, heightMm: 150 },
        limitedQuantity: 20,
      },
    },
    stack.admin,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createProduct.id;
  for (const [estimate, reason] of [
    ['2027-03', 'Announced by the maker.'],
    ['2027-05', 'factory delay'],
  ] as const) {
    const moved = await graph(stack, releaseDateMutation, { id, estimate, reason }, stack.admin);
    expect(moved.errors).toBeUndefined();
  }
  const opened = await graph(
    stack,
    openCampaignMutation,
    {
      id,
      input: {
        closesAt: new Date(Date.now() + windowDays * 86_400_000).toISOString(),
        paymentPlan: { kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true },
        limitedQuantity: 20,
      },
    },
    stack.admin,
  );
  expect(opened.errors).toBeUndefined();
  expect(opened.data!.openPreorderCampaign.state).toBe('OPEN');
  return { id, name, studio: studioName };
}
