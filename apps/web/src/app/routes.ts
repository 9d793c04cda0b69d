import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/listing.tsx'),
  route('products/:id', 'routes/product.tsx'),
  route('sign-up', 'routes/sign-up.tsx'),
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
  route('cart', 'routes/cart.tsx'),
  route('checkout', 'routes/checkout.tsx'),
  route('orders', 'routes/orders.tsx'),
  route('orders/:id/pay', 'routes/pay.tsx'),
  route('health', 'routes/health.ts'),
] satisfies RouteConfig;
