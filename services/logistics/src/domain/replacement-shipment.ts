import type { FieldProblem } from '@vitrine/platform/domain';
import type { ShipmentStatus } from './shipment-status.js';

export type ReplacementResolution = 'REPLACEMENT_PART' | 'EXCHANGE';

/**
 * Where a replacement shipment starts: a part waits for the studio's part to
 * reach the warehouse (AWAITING_PART, from `readyFrom` when the claim's lead
 * time gave a window; made on demand: no date); an exchange ships a new unit
 * from stock, so it can be packed at once (OPEN).
 */
export function replacementOpening(
  resolution: ReplacementResolution,
  atWarehouse: { earliest: string; latest: string } | null,
): { status: ShipmentStatus; readyFrom: string | null } {
  if (resolution === 'EXCHANGE') return { status: 'OPEN', readyFrom: null };
  return { status: 'AWAITING_PART', readyFrom: atWarehouse?.earliest ?? null };
}

const unitTakenMax = 200;

/**
 * What staff record when packing a replacement: an exchange's new unit comes
 * from stock catalog does not know was taken (nothing tells catalog), so staff
 * say where from (1-200 characters) and correct catalog's stock by hand; a part
 * needs nothing more. Returns the note to keep, or the problems.
 */
export function checkReplacementPacking(resolution: ReplacementResolution, unitTaken: string | null): { unitTaken: string | null; problems: FieldProblem[] } {
  const text = unitTaken?.trim() || null;
  if (resolution === 'REPLACEMENT_PART') return { unitTaken: null, problems: [] };
  if (text === null) {
    return {
      unitTaken: null,
      problems: [
        {
          field: 'unitTaken',
          reason: 'REQUIRED',
          message: 'Say where the exchanged unit was taken from (warehouse, shelf), then adjust its stock in the catalog.',
        },
      ],
    };
  }
  if (text.length > unitTakenMax)
    return { unitTaken: null, problems: [{ field: 'unitTaken', reason: 'INVALID_LENGTH', message: `At most ${unitTakenMax} characters.` }] };
  return { unitTaken: text, problems: [] };
}
