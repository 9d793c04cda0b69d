import { useI18n } from '../lib/i18n.js';
import { countryNameIn, returnAddressText, type ReturnAddressView } from '../lib/returns.js';

/**
 * How to send an item back, as after-sales says it: the return address of the warehouse the order's parcel left
 * from (or why it is not known yet), the reference to write on the parcel and who pays the postage.
 */
export function ReturnSendBack(props: { sendTo?: ReturnAddressView | null; sendToUnknown?: string | null; reference: string; postage: string }) {
  const { t, locale } = useI18n();
  const address = props.sendTo ? returnAddressText(props.sendTo, countryNameIn(locale)) : null;
  const unknown = t.returns.sendToUnknown[props.sendToUnknown ?? 'PARCEL_UNKNOWN'] ?? t.returns.sendToUnknown.PARCEL_UNKNOWN;
  return (
    <p className="send-back">
      {address ? t.returns.sendTo(address) : unknown} {t.returns.onParcel(props.reference, t.returns.postagePaidBy[props.postage] ?? props.postage)}
    </p>
  );
}
