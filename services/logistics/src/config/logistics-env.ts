import { ConfigError } from '@vitrine/platform';
import { isWebhookSecret } from '../domain/carrier-signature.js';
import { sandboxCarrier } from '../domain/sandbox-carrier.js';

/** Settings only logistics reads, on top of the platform's serviceEnv. */
export interface LogisticsSettings {
  /**
   * LOGISTICS_CARRIER_WEBHOOK_SECRETS: `CARRIER=whsec_...` pairs, comma-separated, one per
   * carrier allowed to report tracking at `/webhooks/carrier?carrier=CARRIER`. Empty: every
   * carrier webhook is refused (staff and the sandbox carrier still record tracking).
   */
  carrierWebhookSecrets: ReadonlyMap<string, string>;
  /** LOGISTICS_CARRIER_WEBHOOK_TOLERANCE_SECONDS (default 300): how far a delivery's timestamp may be from now. */
  carrierWebhookToleranceSeconds: number;
}

const carrierCode = /^[A-Z][A-Z0-9_]{1,39}$/;

/**
 * Parses logistics' settings at start, naming every bad variable (a secret
 * itself is never echoed). Read by hand: two variables do not justify a
 * dependency of logistics' own on a schema library.
 */
export function loadLogisticsSettings(environment: Record<string, string | undefined>): LogisticsSettings {
  const problems: string[] = [];
  const secrets = new Map<string, string>();
  const rawSecrets = environment.LOGISTICS_CARRIER_WEBHOOK_SECRETS?.trim() ?? '';
  for (const entry of rawSecrets ? rawSecrets.split(',') : []) {
    const at = entry.indexOf('=');
    const carrier = entry.slice(0, Math.max(at, 0)).trim();
    const secret = entry.slice(at + 1).trim();
    const name = 'LOGISTICS_CARRIER_WEBHOOK_SECRETS';
    if (at < 0 || !carrierCode.test(carrier)) problems.push(`${name}: expected CARRIER=whsec_... pairs, the carrier 2-40 capitals, digits or underscores`);
    else if (carrier === sandboxCarrier) problems.push(`${name}: ${sandboxCarrier} is the built-in sandbox carrier, it sends no webhooks`);
    else if (secrets.has(carrier)) problems.push(`${name}: ${carrier} is given twice`);
    else if (!isWebhookSecret(secret)) problems.push(`${name}: the secret of ${carrier} is not a Standard Webhooks secret (whsec_ followed by base64)`);
    else secrets.set(carrier, secret);
  }
  const rawTolerance = environment.LOGISTICS_CARRIER_WEBHOOK_TOLERANCE_SECONDS?.trim() || '300';
  const tolerance = Number(rawTolerance);
  if (!/^\d+$/.test(rawTolerance) || tolerance < 10 || tolerance > 3_600) {
    problems.push('LOGISTICS_CARRIER_WEBHOOK_TOLERANCE_SECONDS: a whole number of seconds, 10 to 3600');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { carrierWebhookSecrets: secrets, carrierWebhookToleranceSeconds: tolerance };
}
