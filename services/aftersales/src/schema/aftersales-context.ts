import DataLoader from 'dataloader';
import type { BaseContext } from '@vitrine/platform';
import type { Evidence } from '../store/evidence.entity.js';
import { evidenceOfClaims } from '../use-cases/read-claims.js';

export interface AftersalesContext extends BaseContext {
  /** Evidence per claim, one query per request. */
  evidenceByClaim: DataLoader<string, Evidence[]>;
}

export function extendContext(base: BaseContext): AftersalesContext {
  return { ...base, evidenceByClaim: new DataLoader((ids) => evidenceOfClaims(base.em, ids)) };
}
