import type { ReturnAddressFieldsFragment } from '../../__generated__/app/graphql.js';
import { countryNameIn, returnAddressText } from '../lib/returns.js';

/** Why after-sales cannot say yet where an item comes back to (back office words). */
const destinationUnknownWords: Record<string, string> = {
  NOT_A_RETURN: 'nowhere: the customer did not choose a return',
  PARCEL_UNKNOWN: 'a warehouse not known yet (logistics has not said where the order left from)',
  WAREHOUSE_UNKNOWN: 'a warehouse after-sales has not heard of yet',
  NO_RETURN_ADDRESS: 'a warehouse without a return address: add one on the warehouses page',
};

/**
 * Where a returned item comes back to, for staff: the warehouse's code and return address (after-sales' `sendTo`)
 * or why it is not known yet, and the reference the customer writes on the parcel. A return for preference and a
 * claim resolved by a return say it the same way.
 */
export function ReturnDestination(props: { sendTo?: ReturnAddressFieldsFragment | null; sendToUnknown?: string | null; parcelReference: string }) {
  const { sendTo } = props;
  return (
    <p data-testid="return-destination">
      Coming back to{' '}
      {sendTo
        ? `${sendTo.warehouseCode}: ${returnAddressText(sendTo, countryNameIn('en'))}`
        : (destinationUnknownWords[props.sendToUnknown ?? ''] ?? 'not known yet')}{' '}
      · parcel marked {props.parcelReference}
    </p>
  );
}
