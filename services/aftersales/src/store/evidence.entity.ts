import { defineEntity, p } from '@mikro-orm/core';

/** A file a customer uploads straight to object storage for a claim; CONFIRMED once we saw it there with the announced type and size. */
export const EvidenceSchema = defineEntity({
  name: 'Evidence',
  tableName: 'evidence',
  checks: [{ name: 'evidence_size_positive', expression: '"size_bytes" > 0' }],
  properties: {
    id: p.uuid().primary(),
    claimId: p.uuid().index(),
    objectKey: p.string().length(200).unique(),
    kind: p.string().length(8),
    contentType: p.string().length(60),
    sizeBytes: p.bigint('number'),
    /** PENDING until submission finds the object in storage, then CONFIRMED. */
    status: p.string().length(16),
    uploadExpiresAt: p.datetime(3),
    createdAt: p.datetime(3),
    confirmedAt: p.datetime(3).nullable(),
  },
});

export class Evidence extends EvidenceSchema.class {}
EvidenceSchema.setClass(Evidence);
