import { isCountryCode, type WarehouseReturnAddress } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';
import { checkReturnAddress, type ReturnAddressInput } from './warehouse-address.js';

export interface NewWarehouseInput {
  code: string;
  name: string;
  country: string;
  heldByFactory: boolean;
  allocationPriority: number;
  /** Where customers send items back to it (its country is the warehouse's); none yet when absent. */
  returnAddress?: ReturnAddressInput | null;
}

/** A warehouse as it is kept: cleaned, its return address with the warehouse's country (null: none given). */
export type CleanWarehouse = Omit<NewWarehouseInput, 'returnAddress'> & { returnAddress: WarehouseReturnAddress | null };

/** Every problem with a new warehouse at once; the cleaned values (trimmed, code and country upper-cased). */
export function checkNewWarehouse(input: NewWarehouseInput): { warehouse: CleanWarehouse; problems: FieldProblem[] } {
  const country = input.country.trim().toUpperCase();
  const address = input.returnAddress ? checkReturnAddress(input.returnAddress, country) : { address: null, problems: [] };
  const warehouse = { ...input, code: input.code.trim().toUpperCase(), name: input.name.trim(), country, returnAddress: address.address };
  const problems: FieldProblem[] = [];
  if (!/^[A-Z0-9][A-Z0-9-]{1,15}$/.test(warehouse.code)) {
    problems.push({ field: 'code', reason: 'INVALID_CODE', message: 'Code must be 2-16 letters, digits or dashes, e.g. FR-LYS.' });
  }
  if (warehouse.name.length === 0 || warehouse.name.length > 120) {
    problems.push({ field: 'name', reason: 'INVALID_LENGTH', message: 'Name must be between 1 and 120 characters.' });
  }
  if (!isCountryCode(warehouse.country)) {
    problems.push({ field: 'country', reason: 'UNKNOWN_COUNTRY', message: 'Country must be an ISO 3166-1 alpha-2 code, e.g. FR or CN.' });
  }
  if (!Number.isInteger(warehouse.allocationPriority) || warehouse.allocationPriority < 0 || warehouse.allocationPriority > 1000) {
    problems.push({ field: 'allocationPriority', reason: 'OUT_OF_RANGE', message: 'Allocation priority must be a whole number from 0 (first) to 1000.' });
  }
  problems.push(...address.problems);
  return { warehouse, problems };
}
