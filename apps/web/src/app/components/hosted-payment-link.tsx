import { useEffect, useRef } from 'react';
import { useRevalidator } from 'react-router';
import { useI18n } from '../lib/i18n.js';

/**
 * The way to payments' hosted pay-now page (`Order.payNowUrl`: a signed, expiring link for what is due now).
 * That page takes no return address and has no link back, so it opens in a new tab and says so; this page, left
 * open, reads the order again when the customer comes back to it once the link was followed (without JavaScript,
 * a refresh does the same).
 */
export function HostedPaymentLink({ url }: { url: string }) {
  const { t } = useI18n();
  const revalidator = useRevalidator();
  const followed = useRef(false);
  useEffect(() => {
    const back = () => {
      if (followed.current && document.visibilityState === 'visible' && revalidator.state === 'idle') void revalidator.revalidate();
    };
    document.addEventListener('visibilitychange', back);
    window.addEventListener('focus', back);
    return () => {
      document.removeEventListener('visibilitychange', back);
      window.removeEventListener('focus', back);
    };
  }, [revalidator]);
  // A middle click opens the page too.
  const follow = () => {
    followed.current = true;
  };
  return (
    <>
      <p>
        {t.order.orHosted}{' '}
        <a
          href={url}
          className="button"
          target="_blank"
          rel="noopener noreferrer"
          aria-describedby="hosted-payment-return"
          onClick={follow}
          onAuxClick={follow}
        >
          {t.order.payHosted} {t.order.newTab}
        </a>
      </p>
      <p id="hosted-payment-return" className="muted">
        {t.order.payHostedReturn}
      </p>
    </>
  );
}
