import type { ReturnAddressFieldsFragment } from '../../__generated__/app/graphql.js';
import { useI18n, useWords } from '../lib/i18n.js';
import { returnDestinationWords } from '../lib/messages/admin/return-destination.js';
import { countryNameIn, returnAddressText } from '../lib/returns.js';

/**
 * Where a returned item comes back to, for staff: the warehouse's code and return address (after-sales' `sendTo`)
 * or why it is not known yet, and the reference the customer writes on the parcel. A return for preference and a
 * claim resolved by a return say it the same way.
 */
export function ReturnDestination(props: { sendTo?: ReturnAddressFieldsFragment | null; sendToUnknown?: string | null; parcelReference: string }) {
  const { sendTo } = props;
  const { locale } = useI18n();
  const w = useWords(returnDestinationWords);
  const where = sendTo
    ? w.warehouse(sendTo.warehouseCode, returnAddressText(sendTo, countryNameIn(locale)))
    : (w.unknown[props.sendToUnknown ?? ''] ?? w.notKnown);
  return <p data-testid="return-destination">{w.destination(where, props.parcelReference)}</p>;
}
