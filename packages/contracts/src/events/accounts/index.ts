import type { EventDefinition } from '../../event-definition.js';
import { customerContactChangedV1 } from './customer-contact-changed.v1.js';
import { customerDeletedV1 } from './customer-deleted.v1.js';
import { customerFlaggedV1 } from './customer-flagged.v1.js';
import { customerRegionChangedV1 } from './customer-region-changed.v1.js';
import { customerRegisteredV1 } from './customer-registered.v1.js';
import { customerUnflaggedV1 } from './customer-unflagged.v1.js';
import { emailChangeRequestedV1 } from './email-change-requested.v1.js';
import { emailVerificationRequestedV1 } from './email-verification-requested.v1.js';
import { passwordChangedV1 } from './password-changed.v1.js';
import { passwordResetRequestedV1 } from './password-reset-requested.v1.js';
import { signUpRepeatedV1 } from './sign-up-repeated.v1.js';

export * from './customer-contact-changed.v1.js';
export * from './customer-deleted.v1.js';
export * from './customer-flag.js';
export * from './customer-flagged.v1.js';
export * from './customer-region-changed.v1.js';
export * from './customer-registered.v1.js';
export * from './customer-unflagged.v1.js';
export * from './account-mail.js';
export * from './email-change-requested.v1.js';
export * from './email-verification-requested.v1.js';
export * from './password-changed.v1.js';
export * from './password-reset-requested.v1.js';
export * from './sign-up-repeated.v1.js';

/** Every event accounts publishes. */
export const accountsEvents: readonly EventDefinition[] = [
  customerContactChangedV1,
  customerDeletedV1,
  customerFlaggedV1,
  customerRegionChangedV1,
  customerRegisteredV1,
  customerUnflaggedV1,
  emailChangeRequestedV1,
  emailVerificationRequestedV1,
  passwordChangedV1,
  passwordResetRequestedV1,
  signUpRepeatedV1,
];
