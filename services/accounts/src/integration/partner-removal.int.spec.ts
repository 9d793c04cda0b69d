import { randomUUID } from 'node:crypto';
import { partnerRemovedV1 } from '@vitrine/contracts';
import { eventually, publishEvents } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { adminCredentials, bootAccounts, signIn, type AccountsHarness, type SignedIn } from './harness.js';

// notifications removes a partner and says so on the real Kafka broker: accounts revokes every credential the partner
// still has (audited under the staff member who removed it), so no token is issued for them any more; another
// partner's credential keeps working, and the event delivered again changes nothing.

let accounts: AccountsHarness;
let admin: SignedIn;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

const createCredential = graphql(`
  mutation RemovalCreateCredential($partnerId: ID!, $name: String!) {
    createPartnerCredential(partnerId: $partnerId, name: $name, scopes: ["logistics:fulfil"]) {
      credential {
        clientId
      }
      clientSecret
    }
  }
`);
const revokeCredential = graphql(`
  mutation RemovalRevokeCredential($clientId: ID!) {
    revokePartnerCredential(clientId: $clientId) {
      revokedAt
    }
  }
`);
const issueToken = graphql(`
  mutation RemovalIssueToken($clientId: String!, $clientSecret: String!) {
    issuePartnerToken(clientId: $clientId, clientSecret: $clientSecret) {
      accessToken
    }
  }
`);

beforeAll(async () => {
  accounts = await bootAccounts('accounts_partner_removal');
  admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
});
afterAll(async () => {
  await accounts?.stop();
});

async function credentialOf(partnerId: string, name: string) {
  const res = await accounts.call(createCredential, { partnerId, name }, { token: admin.accessToken });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const { credential, clientSecret } = res.data!.createPartnerCredential;
  return { clientId: credential.clientId, clientSecret };
}
const tokenFor = (c: { clientId: string; clientSecret: string }) => accounts.call(issueToken, c);
const credentialRows = (partnerId: string) =>
  sql<{ client_id: string; revoked_at: string | null }>(
    'select client_id, revoked_at from accounts.partner_credential where partner_id = ? order by client_id',
    [partnerId],
  );
const revocationAudit = (partnerId: string) =>
  sql<{ actor: string; subject: string; details: Record<string, unknown> }>(
    "select actor, subject, details from accounts.audit_entry where action = 'partner-credential.revoked' and details->>'partnerId' = ? order by subject, at",
    [partnerId],
  );
const processed = (eventId: string) => sql('select 1 from accounts.inbox_processed_event where event_id = ?', [eventId]);
const removal = (partnerId: string, removedBy: string, id?: string) => ({
  source: 'notifications',
  definition: partnerRemovedV1,
  subject: partnerId,
  data: { partnerId, removedAt: new Date().toISOString(), removedBy },
  ...(id ? { id } : {}),
});

describe('a partner removed at notifications', () => {
  const partnerId = randomUUID();
  const otherPartnerId = randomUUID();
  const removedBy = randomUUID();
  let live: { clientId: string; clientSecret: string }[];
  let revokedEarlier: { clientId: string; revokedAt: string | null };
  let other: { clientId: string; clientSecret: string };
  let removalId: string;

  it("revokes every credential it still has, audited under who removed it; its token requests are refused, another partner's are not", async () => {
    live = [await credentialOf(partnerId, 'Warehouse backend'), await credentialOf(partnerId, 'Warehouse backend (new)')];
    const old = await credentialOf(partnerId, 'Warehouse backend (old)');
    const revoked = await accounts.call(revokeCredential, { clientId: old.clientId }, { token: admin.accessToken });
    expect(revoked.errors).toBeUndefined();
    revokedEarlier = { clientId: old.clientId, revokedAt: (await credentialRows(partnerId)).find((r) => r.client_id === old.clientId)!.revoked_at };
    expect(revokedEarlier.revokedAt).not.toBeNull();
    other = await credentialOf(otherPartnerId, 'Another partner');
    for (const c of live) expect((await tokenFor(c)).errors).toBeUndefined();

    const [event] = await publishEvents(accounts.service.bus, accounts.topicPrefix, [removal(partnerId, removedBy)]);
    removalId = event!.id;
    await eventually(async () => (await processed(removalId)).length === 1);

    const rows = await credentialRows(partnerId);
    expect(rows).toHaveLength(3);
    for (const c of live) expect(rows.find((r) => r.client_id === c.clientId)?.revoked_at).toEqual(expect.any(String));
    // The one staff revoked before keeps its own revocation.
    expect(rows.find((r) => r.client_id === revokedEarlier.clientId)?.revoked_at).toEqual(revokedEarlier.revokedAt);

    for (const c of live) {
      const refused = await tokenFor(c);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0]?.message).toBe('The client id or secret is incorrect.');
    }
    expect((await tokenFor(other)).errors).toBeUndefined();
    expect(await credentialRows(otherPartnerId)).toEqual([{ client_id: other.clientId, revoked_at: null }]);

    const audit = await revocationAudit(partnerId);
    expect(audit.filter((a) => a.actor === removedBy)).toEqual(
      live
        .map((c) => ({ actor: removedBy, subject: c.clientId, details: { partnerId, partnerRemovedAt: expect.any(String) } }))
        .sort((a, b) => a.subject.localeCompare(b.subject)),
    );
    // Staff's earlier revocation and these: one entry per credential, never a second.
    expect(audit).toHaveLength(3);
  });

  it('changes nothing when the removal comes again, redelivered or announced anew', async () => {
    const rowsBefore = await credentialRows(partnerId);
    const auditBefore = await revocationAudit(partnerId);
    // The same event again (the inbox skips it), then a new announcement of the same removal: one partition, in order.
    const [, anew] = await publishEvents(accounts.service.bus, accounts.topicPrefix, [
      removal(partnerId, removedBy, removalId),
      removal(partnerId, randomUUID()),
    ]);
    await eventually(async () => (await processed(anew!.id)).length === 1);
    expect(await processed(removalId)).toHaveLength(1);
    expect(await credentialRows(partnerId)).toEqual(rowsBefore);
    expect(await revocationAudit(partnerId)).toEqual(auditBefore);
    for (const c of live) expect((await tokenFor(c)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await tokenFor(other)).errors).toBeUndefined();
  });
});
