import { AuditEntrySchema } from './audit-entry.entity.js';
import { CustomerSchema } from './customer.entity.js';
import { LoginAttemptSchema } from './login-attempt.entity.js';
import { RefreshTokenSchema } from './refresh-token.entity.js';
import { SigningKeySchema } from './signing-key.entity.js';

export const accountsEntities = [CustomerSchema, RefreshTokenSchema, SigningKeySchema, LoginAttemptSchema, AuditEntrySchema];
