import { type RouteConfig, index, route } from '@react-router/dev/routes';

// Customers' storefront at the root; the staff back office under /admin (routes/admin/, one layout that refuses
// anyone without a back-office scope).

export default [
  index('routes/listing.tsx'),
  route('products/:id', 'routes/product.tsx'),
  route('sign-up', 'routes/sign-up.tsx'),
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
  route('cart', 'routes/cart.tsx'),
  route('checkout', 'routes/checkout.tsx'),
  route('orders', 'routes/orders.tsx'),
  route('orders/pay-together', 'routes/pay-together.tsx'),
  route('orders/:id/pay', 'routes/pay.tsx'),
  route('orders/:id/cancel', 'routes/cancel.tsx'),
  route('orders/:id', 'routes/order.tsx'),
  route('orders/:id/claims/new', 'routes/claim-new.tsx'),
  route('orders/:id/claims/:claimId', 'routes/claim.tsx'),
  route('orders/:id/claims/:claimId/upload', 'routes/claim-upload.ts'),
  route('account', 'routes/account.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password', 'routes/reset-password.tsx'),
  route('locale', 'routes/locale.ts'),
  route('admin', 'routes/admin/layout.tsx', [
    index('routes/admin/home.tsx'),
    route('products', 'routes/admin/products.tsx'),
    route('products/:id', 'routes/admin/product.tsx'),
    route('shipments', 'routes/admin/shipments.tsx'),
    route('claims', 'routes/admin/claims.tsx'),
    route('orders', 'routes/admin/orders.tsx'),
    route('orders/:id', 'routes/admin/order.tsx'),
    route('stock', 'routes/admin/stock.tsx'),
    route('policies', 'routes/admin/policies.tsx'),
    route('partners', 'routes/admin/partners.tsx'),
    route('clock', 'routes/admin/clock.tsx'),
  ]),
  route('health', 'routes/health.ts'),
] satisfies RouteConfig;
