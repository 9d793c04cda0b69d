import type { BaseContext } from '@vitrine/platform';
import type DataLoader from 'dataloader';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import type { CustomerFlag } from '../store/customer-flag.entity.js';
import type { Customer } from '../store/customer.entity.js';

export interface AccountsContext extends BaseContext {
  accounts: AccountsRuntime;
  customerById: DataLoader<string, Customer | null>;
  customerFlags: DataLoader<string, CustomerFlag[]>;
}
