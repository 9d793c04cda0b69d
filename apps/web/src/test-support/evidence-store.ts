import { createHash, createHmac } from 'node:crypto';
import { startMinioServer, type RunningMinio } from '@vitrine/local-infra';

// After-sales' evidence store for the browser specs: a real MinIO (it checks the presigned URLs' signatures as S3
// does, and answers browsers' CORS preflights), with one bucket, and the settings that point after-sales at it.

const bucket = 'web-claims-evidence';
const region = 'us-east-1';
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * Creates the bucket with one signed S3 request (AWS Signature V4): the web app does not depend on the AWS SDK
 * for a single call its tests make.
 */
async function createBucket(minio: RunningMinio): Promise<void> {
  // MinIO answers 503 for a moment after it listens (still initialising its drive): ask again, for a while.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await signedCreateBucket(minio);
    if (response.ok) return;
    const body = await response.text();
    if (response.status !== 503 || Date.now() > deadline) throw new Error(`MinIO refused the bucket: ${response.status} ${body}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function signedCreateBucket(minio: RunningMinio): Promise<Response> {
  const url = new URL(`/${bucket}`, minio.endpoint);
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256('');
  const canonical = [
    'PUT',
    url.pathname,
    '',
    `host:${url.host}`,
    `x-amz-content-sha256:${payloadHash}`,
    `x-amz-date:${amzDate}`,
    '',
    'host;x-amz-content-sha256;x-amz-date',
    payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${minio.secretAccessKey}`, day), region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return fetch(url, {
    method: 'PUT',
    headers: {
      'x-amz-date': amzDate,
      'x-amz-content-sha256': payloadHash,
      authorization: `AWS4-HMAC-SHA256 Credential=${minio.accessKeyId}/${scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
    },
  });
}

export interface EvidenceStore {
  /** after-sales' settings for it */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startEvidenceStore(): Promise<EvidenceStore> {
  const minio = await startMinioServer();
  try {
    await createBucket(minio);
  } catch (err) {
    await minio.stop();
    throw err;
  }
  return {
    env: {
      EVIDENCE_STORE: 's3',
      EVIDENCE_S3_ENDPOINT: minio.endpoint,
      EVIDENCE_S3_BUCKET: bucket,
      EVIDENCE_S3_ACCESS_KEY_ID: minio.accessKeyId,
      EVIDENCE_S3_SECRET_ACCESS_KEY: minio.secretAccessKey,
    },
    stop: () => minio.stop(),
  };
}
