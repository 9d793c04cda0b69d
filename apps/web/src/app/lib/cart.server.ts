import { createCookie, type AppLoadContext } from 'react-router';

export interface CartLine {
  productId: string;
  quantity: number;
}

/** Most lines a cart keeps (checkout takes one order per preordered product). */
export const maxCartLines = 20;

/** The cart: product ids and quantities only (prices and availability are always read from the API). */
const cartCookie = (context: AppLoadContext) =>
  createCookie('vitrine_cart', { httpOnly: true, sameSite: 'lax', path: '/', secure: context.secureCookies, maxAge: 60 * 60 * 24 * 30 });

export async function readCart(request: Request, context: AppLoadContext): Promise<CartLine[]> {
  const value: unknown = await cartCookie(context).parse(request.headers.get('cookie'));
  if (!Array.isArray(value)) return [];
  return value.filter((l): l is CartLine => typeof l?.productId === 'string' && Number.isInteger(l?.quantity) && l.quantity > 0).slice(0, maxCartLines);
}

export function saveCart(context: AppLoadContext, lines: CartLine[]): Promise<string> {
  return cartCookie(context).serialize(lines.slice(0, maxCartLines));
}

/** The cart with `quantity` more of the product (a new line, or added to its line). */
export function addToCart(lines: CartLine[], productId: string, quantity: number): CartLine[] {
  const existing = lines.find((l) => l.productId === productId);
  if (existing) return lines.map((l) => (l === existing ? { ...l, quantity: l.quantity + quantity } : l));
  return [...lines, { productId, quantity }];
}
