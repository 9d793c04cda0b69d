import { NavLink } from 'react-router';
import { useWords } from '../lib/i18n.js';
import { backOfficeWords } from '../lib/messages/admin/back-office.js';

/** The back office's pages about one product, one link each (the current one marked for screen readers too). */
export function ProductPages({ productId }: { productId: string }) {
  const w = useWords(backOfficeWords).productPages;
  const base = `/admin/products/${productId}`;
  return (
    <nav aria-label={w.nav} className="sub-nav">
      <ul>
        <li>
          <NavLink to={base} end>
            {w.campaign}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/details`}>{w.details}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/selling`}>{w.selling}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/history`}>{w.history}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
