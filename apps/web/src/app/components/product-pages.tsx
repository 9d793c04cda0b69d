import { NavLink } from 'react-router';

/** The back office's pages about one product, one link each (the current one marked for screen readers too). */
export function ProductPages({ productId }: { productId: string }) {
  const base = `/admin/products/${productId}`;
  return (
    <nav aria-label="This product" className="sub-nav">
      <ul>
        <li>
          <NavLink to={base} end>
            Campaign and release date
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/details`}>Details and spec</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/selling`}>Price, status, sale rules and arrivals</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/history`}>History</NavLink>
        </li>
      </ul>
    </nav>
  );
}
