import { AuditEntrySchema } from '../audit/audit-entry.entity.js';
import { DeadLetterSchema } from '../inbox/dead-letter.entity.js';
import { ProcessedEventSchema } from '../inbox/processed-event.entity.js';
import { OutboxMessageSchema } from '../outbox/outbox-message.entity.js';
import { ScheduledTimerSchema } from '../timers/scheduled-timer.entity.js';

/** Tables every service owns a copy of, in its own schema (created by `coreTableMigrations`). */
export const platformEntities = [OutboxMessageSchema, ProcessedEventSchema, DeadLetterSchema, ScheduledTimerSchema, AuditEntrySchema];
