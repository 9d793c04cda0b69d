// Test-only helpers for aftersales' int specs (excluded from the build): aftersales alone on a real MinIO, with a test token issuer for accounts.
import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { orderConfirmedV1, orderStatusChangedV1, productPublishedV1, readyToFulfilV1, storePolicyPublishedV1 } from '@vitrine/contracts';
import { startMinioServer, type RunningMinio } from '@vitrine/local-infra';
import { presetDocuments, type PresetName } from '@vitrine/policy';
import { bootIsolatedService, eventually, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { aftersalesService } from '../aftersales-service.js';

export interface AftersalesHarness extends IsolatedService {
  readonly staff: TestIdentity;
  readonly minio: RunningMinio;
  /** Policy versions published at start: 1 deposit-store, 2 statue-store, 3 deposit-store refunding shipping with a return. */
  readonly policyVersions: Record<TestPolicy, number>;
  /**
   * A confirmed order of `customer`, delivered at `deliveredAt`: its line, and one more per `otherLines`; with
   * `shippingPaid`, orders' ReadyToFulfil says what it paid for shipping. What orders and catalog would have announced.
   */
  deliveredOrder(customer: TestIdentity, options: DeliveredOrderOptions): Promise<{ orderId: string; productId: string; otherProductIds: string[] }>;
}

export type TestPolicy = 'deposit-store' | 'statue-store' | 'deposit-store-refunding-shipping';

export interface DeliveredOrderOptions {
  deliveredAt: Date;
  policy: TestPolicy;
  kind?: 'PREORDER' | 'IN_STOCK';
  productStatus?: 'IN_STOCK' | 'CHINA_STOCK';
  unitPrice?: number;
  quantity?: number;
  /** More lines: their unit prices (one unit each). */
  otherLines?: number[];
  shippingPaid?: number;
}

const bucket = 'claims-evidence';

/** deposit-store as a store that refunds shipping with a return for preference (no preset does; 000 does not). */
function refundingShipping(): Record<string, unknown> {
  const document = structuredClone(presetDocuments['deposit-store']) as unknown as { returns: { preference: { shippingRefunded: boolean } } };
  document.returns.preference.shippingRefunded = true;
  return document as unknown as Record<string, unknown>;
}

export async function bootAftersales(label: string, env: Record<string, string> = {}): Promise<AftersalesHarness> {
  // S3 tests run on MinIO built from the Go module proxy (cached); it checks signatures as S3 does.
  const minio = await startMinioServer();
  try {
    const s3 = new S3Client({
      endpoint: minio.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: minio.accessKeyId, secretAccessKey: minio.secretAccessKey },
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    s3.destroy();
    const service = await bootIsolatedService(aftersalesService, {
      label,
      env: {
        EVIDENCE_STORE: 's3',
        EVIDENCE_S3_ENDPOINT: minio.endpoint,
        EVIDENCE_S3_BUCKET: bucket,
        EVIDENCE_S3_ACCESS_KEY_ID: minio.accessKeyId,
        EVIDENCE_S3_SECRET_ACCESS_KEY: minio.secretAccessKey,
        ...env,
      },
    });
    const policyVersions = { 'deposit-store': 1, 'statue-store': 2, 'deposit-store-refunding-shipping': 3 } as const;
    for (const [preset, version] of Object.entries(policyVersions)) {
      await service.publish({
        source: 'orders',
        definition: storePolicyPublishedV1,
        subject: String(version),
        data: {
          version,
          policyId: preset,
          document: version === 3 ? refundingShipping() : (presetDocuments[preset as PresetName] as Record<string, unknown>),
          publishedAt: new Date().toISOString(),
          publishedBy: null,
          note: null,
        },
      });
    }
    await eventually(async () => (await service.sql('select count(*)::int as n from aftersales.policy_version'))[0]?.n === 3);
    const staff = await service.tokens.staff(['aftersales:decide']);

    const deliveredOrder = async (customer: TestIdentity, o: DeliveredOrderOptions) => {
      const orderId = randomUUID();
      const productId = randomUUID();
      const others = (o.otherLines ?? []).map((amount) => ({ productId: randomUUID(), quantity: 1, unitPrice: { amount, currency: 'USD' } }));
      const unitPrice = { amount: o.unitPrice ?? 20000, currency: 'USD' };
      const quantity = o.quantity ?? 1;
      const lines = [{ productId, quantity, unitPrice }, ...others];
      for (const line of lines) {
        await service.publish({
          source: 'catalog',
          definition: productPublishedV1,
          subject: line.productId,
          data: {
            productId: line.productId,
            sku: `SKU-${line.productId.slice(0, 8)}`,
            name: 'Statue',
            price: line.unitPrice,
            status: o.productStatus ?? 'IN_STOCK',
          },
        });
      }
      for (const line of lines) {
        await eventually(async () => (await service.sql('select 1 from aftersales.known_product where id = ?', [line.productId])).length === 1);
      }
      await service.publish({
        source: 'orders',
        definition: orderConfirmedV1,
        subject: orderId,
        data: {
          orderId,
          customerId: customer.id,
          kind: o.kind ?? 'IN_STOCK',
          paymentPlan: 'IN_STOCK',
          policyVersion: policyVersions[o.policy],
          lines,
          goodsTotal: { amount: lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0), currency: 'USD' },
          shippingEstimate: { amount: o.shippingPaid ?? 0, currency: 'USD' },
          nextPayment: null,
        },
      });
      if (o.shippingPaid !== undefined) {
        await service.publish({
          source: 'orders',
          definition: readyToFulfilV1,
          subject: orderId,
          data: {
            orderId,
            customerId: customer.id,
            lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
            shippingAddress: null,
            shippingMethod: null,
            shippingPaid: { amount: o.shippingPaid, currency: 'USD' },
          },
        });
      }
      await service.publish({
        source: 'orders',
        definition: orderStatusChangedV1,
        subject: orderId,
        data: { orderId, from: 'SHIPPED', to: 'DELIVERED', deliveredAt: o.deliveredAt.toISOString() },
      });
      await eventually(async () => (await service.sql('select delivered_at from aftersales.claimable_order where id = ?', [orderId]))[0]?.delivered_at);
      if (o.shippingPaid !== undefined) {
        await eventually(
          async () =>
            (await service.sql('select shipping_paid_amount from aftersales.claimable_order where id = ?', [orderId]))[0]?.shipping_paid_amount != null,
        );
      }
      return { orderId, productId, otherProductIds: others.map((l) => l.productId) };
    };
    return {
      ...service,
      staff,
      minio,
      policyVersions,
      deliveredOrder,
      async stop() {
        await service.stop();
        await minio.stop();
      },
    };
  } catch (error) {
    await minio.stop();
    throw error;
  }
}
