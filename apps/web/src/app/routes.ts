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
  route('admin', 'routes/admin/layout.tsx', [
    index('routes/admin/home.tsx'),
    route('products', 'routes/admin/products.tsx'),
    route('products/:id', 'routes/admin/product.tsx'),
    route('shipments', 'routes/admin/shipments.tsx'),
    route('claims', 'routes/admin/claims.tsx'),
  ]),
  route('health', 'routes/health.ts'),
] satisfies RouteConfig;
