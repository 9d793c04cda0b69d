import type { EntityManager } from '@mikro-orm/postgresql';
import { Product } from '../store/product.entity.js';
import { createProduct } from '../use-cases/create-product.js';

/** A small demo catalog for `npm start`; skipped when products already exist. */
const demoProducts = [
  { sku: 'PRS-SABER-17', name: 'Saber Alter 1/7 Scale Figure', priceAmount: 24900, stock: 40 },
  { sku: 'STU-DRAGON-14', name: 'Crimson Dragon 1/4 Resin Statue', priceAmount: 89900, stock: 5 },
  { sku: 'NEN-MIKU-001', name: 'Nendoroid Hatsune Miku', priceAmount: 5900, stock: 120 },
  { sku: 'FIG-SAMURAI-16', name: 'Ronin Samurai 1/6 Action Figure', priceAmount: 32900, stock: 12 },
  { sku: 'PRS-MECHA-LTD', name: 'Mecha Guardian Limited Edition (500 pcs)', priceAmount: 149900, stock: 3 },
  { sku: 'STU-KNIGHT-13', name: 'Dark Knight 1/3 Premium Statue', priceAmount: 129900, stock: 0 },
];

export async function seedDemoCatalog(em: EntityManager): Promise<void> {
  if ((await em.count(Product, {})) > 0) return;
  for (const product of demoProducts) {
    await createProduct(em.fork(), { ...product, priceCurrency: 'USD' });
  }
}
