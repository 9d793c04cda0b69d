// Test-only helpers for aftersales' int specs (excluded from the build): aftersales alone on a real MinIO, with a test token issuer for accounts.
import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { orderConfirmedV1, orderStatusChangedV1, productPublishedV1, storePolicyPublishedV1 } from '@vitrine/contracts';
import { startMinioServer, type RunningMinio } from '@vitrine/local-infra';
import { presetDocuments, type PresetName } from '@vitrine/policy';
import { bootIsolatedService, eventually, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { aftersalesService } from '../aftersales-service.js';

export interface AftersalesHarness extends IsolatedService {
  readonly staff: TestIdentity;
  readonly minio: RunningMinio;
  /** Policy versions published at start: 1 deposit-store, 2 statue-store. */
  readonly policyVersions: Record<'deposit-store' | 'statue-store', number>;
  /** A confirmed order of `customer`, delivered at `deliveredAt`, one line; what orders and catalog would have announced. */
  deliveredOrder(customer: TestIdentity, options: DeliveredOrderOptions): Promise<{ orderId: string; productId: string }>;
}

export interface DeliveredOrderOptions {
  deliveredAt: Date;
  policy: 'deposit-store' | 'statue-store';
  kind?: 'PREORDER' | 'IN_STOCK';
  productStatus?: 'IN_STOCK' | 'CHINA_STOCK';
  unitPrice?: number;
  quantity?: number;
}

const bucket = 'claims-evidence';

export async function bootAftersales(label: string): Promise<AftersalesHarness> {
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
      },
    });
    const policyVersions = { 'deposit-store': 1, 'statue-store': 2 } as const;
    for (const [preset, version] of Object.entries(policyVersions)) {
      await service.publish({
        source: 'orders',
        definition: storePolicyPublishedV1,
        subject: String(version),
        data: {
          version,
          policyId: preset,
          document: presetDocuments[preset as PresetName] as Record<string, unknown>,
          publishedAt: new Date().toISOString(),
          publishedBy: null,
          note: null,
        },
      });
    }
    await eventually(async () => (await service.sql('select count(*)::int as n from aftersales.policy_version'))[0]?.n === 2);
    const staff = await service.tokens.staff(['aftersales:decide']);

    const deliveredOrder = async (customer: TestIdentity, o: DeliveredOrderOptions) => {
      const orderId = randomUUID();
      const productId = randomUUID();
      await service.publish({
        source: 'catalog',
        definition: productPublishedV1,
        subject: productId,
        data: {
          productId,
          sku: `SKU-${productId.slice(0, 8)}`,
          name: 'Statue',
          price: { amount: o.unitPrice ?? 20000, currency: 'USD' },
          status: o.productStatus ?? 'IN_STOCK',
        },
      });
      await eventually(async () => (await service.sql('select 1 from aftersales.known_product where id = ?', [productId])).length === 1);
      const unitPrice = { amount: o.unitPrice ?? 20000, currency: 'USD' };
      const quantity = o.quantity ?? 1;
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
          lines: [{ productId, quantity, unitPrice }],
          goodsTotal: { amount: unitPrice.amount * quantity, currency: 'USD' },
          shippingEstimate: { amount: 0, currency: 'USD' },
          nextPayment: null,
        },
      });
      await service.publish({
        source: 'orders',
        definition: orderStatusChangedV1,
        subject: orderId,
        data: { orderId, from: 'SHIPPED', to: 'DELIVERED', deliveredAt: o.deliveredAt.toISOString() },
      });
      await eventually(async () => (await service.sql('select delivered_at from aftersales.claimable_order where id = ?', [orderId]))[0]?.delivered_at);
      return { orderId, productId };
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
