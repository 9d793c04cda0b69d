import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@vitrine/platform';
import { aftersalesEnv } from '../config/aftersales-env.js';
import { viewUrlTtlSeconds } from '../domain/evidence-limits.js';
import { checkEvidenceView, signEvidenceView } from './evidence-view-url.js';

const secret = 'a-secret-of-the-file-store-for-tests';
const now = Date.UTC(2026, 11, 5, 3, 0, 0);
const grant = { key: 'claims/c1/e1.png', contentType: 'image/png', expires: now / 1000 + 600 };

describe('read URLs of the file store', () => {
  it('accepts what it signed, until the expiry', () => {
    const query = signEvidenceView(secret, grant);
    expect(checkEvidenceView(secret, query, now)).toEqual({ ok: true, grant });
    expect(checkEvidenceView(secret, query, grant.expires * 1000 - 1)).toEqual({ ok: true, grant });
  });

  it('refuses it at and after the expiry', () => {
    const query = signEvidenceView(secret, grant);
    expect(checkEvidenceView(secret, query, grant.expires * 1000)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(checkEvidenceView(secret, query, grant.expires * 1000 + 60_000)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses another key, type or expiry under the same signature, and a signature made with another secret', () => {
    const query = signEvidenceView(secret, grant);
    for (const [name, value] of [
      ['key', 'claims/c1/other.png'],
      ['type', 'image/jpeg'],
      ['expires', String(grant.expires + 3600)],
      ['sig', signEvidenceView('another-secret', grant).get('sig')!],
      ['sig', query.get('sig')!.slice(1)],
    ] as const) {
      const forged = new URLSearchParams(query);
      forged.set(name, value);
      expect(checkEvidenceView(secret, forged, now), `${name}=${value}`).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    }
  });

  it('never takes an upload signature for a read signature', () => {
    // What the upload route signs (key, type, size, expiry) with the same secret.
    const upload = createHmac('sha256', secret).update(`${grant.key}\n${grant.contentType}\n32\n${grant.expires}`).digest('base64url');
    const query = new URLSearchParams({ key: grant.key, type: grant.contentType, expires: String(grant.expires), sig: upload });
    expect(checkEvidenceView(secret, query, now)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a query missing a part, an expiry that is not a number, or a type evidence cannot have (even signed)', () => {
    const query = signEvidenceView(secret, grant);
    for (const name of ['key', 'type', 'expires', 'sig']) {
      const partial = new URLSearchParams(query);
      partial.delete(name);
      expect(checkEvidenceView(secret, partial, now), name).toEqual({ ok: false, reason: 'MALFORMED' });
    }
    const notANumber = new URLSearchParams(query);
    notANumber.set('expires', '1e12');
    expect(checkEvidenceView(secret, notANumber, now)).toEqual({ ok: false, reason: 'MALFORMED' });
    for (const contentType of ['text/html', 'image/svg+xml', 'constructor']) {
      expect(checkEvidenceView(secret, signEvidenceView(secret, { ...grant, contentType }), now), contentType).toEqual({ ok: false, reason: 'MALFORMED' });
    }
  });
});

describe('EVIDENCE_VIEW_TTL_SECONDS and EVIDENCE_FILE_SECRET', () => {
  it('read URLs live 10 minutes unless set, between 1 second and an hour', () => {
    expect(viewUrlTtlSeconds).toBe(600);
    expect(loadConfig(aftersalesEnv, {}).EVIDENCE_VIEW_TTL_SECONDS).toBe(600);
    expect(loadConfig(aftersalesEnv, { EVIDENCE_VIEW_TTL_SECONDS: '60' }).EVIDENCE_VIEW_TTL_SECONDS).toBe(60);
    for (const bad of ['0', '3601', 'ten'])
      expect(() => loadConfig(aftersalesEnv, { EVIDENCE_VIEW_TTL_SECONDS: bad }), bad).toThrow(/EVIDENCE_VIEW_TTL_SECONDS/);
  });

  it('takes a secret of at least 32 characters, or none (one made at start)', () => {
    expect(loadConfig(aftersalesEnv, {}).EVIDENCE_FILE_SECRET).toBeUndefined();
    expect(loadConfig(aftersalesEnv, { EVIDENCE_FILE_SECRET: secret }).EVIDENCE_FILE_SECRET).toBe(secret);
    expect(() => loadConfig(aftersalesEnv, { EVIDENCE_FILE_SECRET: 'short' })).toThrow(/EVIDENCE_FILE_SECRET/);
  });
});
