import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ServiceEnv } from '@vitrine/platform';
import { uploadCorsOrigins } from '@vitrine/uploads';
import { aftersalesEnv } from '../config/aftersales-env.js';
import type { EvidenceStore } from './evidence-store.js';
import { fileEvidenceStore } from './file-evidence-store.js';

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

let current: {
  store: EvidenceStore;
  route: Route | null;
  viewRoute: Route | null;
  uploadTtlSeconds: number;
  viewTtlSeconds: number;
} | null = null;
/** The port this service listens on, once it does: the file store's default address (PORT=0 in tests picks it only then). */
let listeningPort: string | null = null;

/** Chooses the evidence store from the settings, once at start (fail fast: S3 needs its keys; production names its store). */
export async function configureEvidenceStore(env: ServiceEnv, environment: Record<string, string | undefined>): Promise<void> {
  const settings = loadConfig(aftersalesEnv, environment);
  if (settings.EVIDENCE_STORE === 's3') {
    if (!settings.EVIDENCE_S3_ACCESS_KEY_ID || !settings.EVIDENCE_S3_SECRET_ACCESS_KEY) {
      throw new Error('EVIDENCE_STORE=s3 needs EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_ACCESS_KEY');
    }
    // The AWS SDK (~6 MiB of heap) is loaded only where evidence goes to S3, not by the folder store.
    const { s3EvidenceStore } = await import('./s3-evidence-store.js');
    const store = s3EvidenceStore({
      endpoint: settings.EVIDENCE_S3_ENDPOINT,
      region: settings.EVIDENCE_S3_REGION,
      bucket: settings.EVIDENCE_S3_BUCKET,
      accessKeyId: settings.EVIDENCE_S3_ACCESS_KEY_ID,
      secretAccessKey: settings.EVIDENCE_S3_SECRET_ACCESS_KEY,
      forcePathStyle: settings.EVIDENCE_S3_FORCE_PATH_STYLE,
    });
    current = {
      store,
      route: null,
      viewRoute: null,
      uploadTtlSeconds: settings.EVIDENCE_UPLOAD_TTL_SECONDS,
      viewTtlSeconds: settings.EVIDENCE_VIEW_TTL_SECONDS,
    };
    return;
  }
  // Production must choose: the folder store is for one local instance (docker compose says so explicitly).
  if (env.NODE_ENV === 'production' && !environment.EVIDENCE_STORE)
    throw new Error('EVIDENCE_STORE is required in production (s3; file only for a local demo)');
  const file = fileEvidenceStore({
    folder: settings.EVIDENCE_FILE_DIR ?? join(tmpdir(), 'vitrine-evidence'),
    publicUrl: () => settings.EVIDENCE_PUBLIC_URL ?? `http://127.0.0.1:${listeningPort ?? env.PORT}`,
    secret: settings.EVIDENCE_FILE_SECRET ?? randomBytes(32).toString('base64url'),
    corsOrigins: uploadCorsOrigins('EVIDENCE_CORS_ORIGINS', settings.EVIDENCE_CORS_ORIGINS, env.NODE_ENV === 'production'),
  });
  current = { ...file, uploadTtlSeconds: settings.EVIDENCE_UPLOAD_TTL_SECONDS, viewTtlSeconds: settings.EVIDENCE_VIEW_TTL_SECONDS };
}

/** The server's own port, for upload URLs when EVIDENCE_PUBLIC_URL is not set. */
export function rememberListeningUrl(url: string): void {
  listeningPort = new URL(url).port;
}

export function evidenceStore(): EvidenceStore {
  if (!current) throw new Error('the evidence store is configured at start');
  return current.store;
}

/** How long an upload URL lives (EVIDENCE_UPLOAD_TTL_SECONDS). */
export function uploadTtlSeconds(): number {
  if (!current) throw new Error('the evidence store is configured at start');
  return current.uploadTtlSeconds;
}

/** How long a read URL lives (EVIDENCE_VIEW_TTL_SECONDS). */
export function viewTtlSeconds(): number {
  if (!current) throw new Error('the evidence store is configured at start');
  return current.viewTtlSeconds;
}

/** The file store's upload route (404 when evidence goes to S3). */
export async function fileUploadRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!current?.route) return void res.writeHead(404).end('not found');
  await current.route(req, res);
}

/** The file store's read route (404 when evidence goes to S3: its URLs point at the bucket). */
export async function fileViewRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!current?.viewRoute) return void res.writeHead(404).end('not found');
  await current.viewRoute(req, res);
}
