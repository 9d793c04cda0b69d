import { AccountTokenSchema } from './account-token.entity.js';
import { CustomerFlagSchema } from './customer-flag.entity.js';
import { CustomerSchema } from './customer.entity.js';
import { ExternalIdentitySchema } from './external-identity.entity.js';
import { KnownOrderSchema } from './known-order.entity.js';
import { LoginAttemptSchema } from './login-attempt.entity.js';
import { PartnerCredentialSchema } from './partner-credential.entity.js';
import { RefreshTokenSchema } from './refresh-token.entity.js';
import { SigningKeySchema } from './signing-key.entity.js';

export const accountsEntities = [
  CustomerSchema,
  RefreshTokenSchema,
  SigningKeySchema,
  LoginAttemptSchema,
  CustomerFlagSchema,
  KnownOrderSchema,
  ExternalIdentitySchema,
  AccountTokenSchema,
  PartnerCredentialSchema,
];
