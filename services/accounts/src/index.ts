import 'reflect-metadata';

export { accountsService } from './accounts-service.js';
export { Customer } from './store/customer.entity.js';
export { SigningKey } from './store/signing-key.entity.js';
export { accounts } from './identity.js';
export { scopesByRole, staffScopes } from './domain/roles.js';
export { accountsService as service } from './accounts-service.js';
