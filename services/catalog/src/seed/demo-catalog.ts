import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductStatus } from '@vitrine/contracts';
import { Product } from '../store/product.entity.js';
import { createProduct } from '../use-cases/create-product.js';
import { createStudio } from '../use-cases/create-studio.js';

/** A small demo catalog for `npm start`; skipped when products already exist. */
const demoStudios = [
  { key: 'prime', name: 'Prime Forge Studio', country: 'JP', contactEmail: 'partners@primeforge.example' },
  { key: 'resin', name: 'Red Lacquer Resin Works', country: 'CN', contactEmail: 'sales@redlacquer.example' },
  { key: 'nen', name: 'Tiny Heroes Co.', country: 'JP', contactEmail: 'trade@tinyheroes.example' },
] as const;

const demoProducts: { sku: string; name: string; priceAmount: number; stock: number; studio: (typeof demoStudios)[number]['key']; status?: ProductStatus }[] = [
  { sku: 'PRS-SABER-17', name: 'Saber Alter 1/7 Scale Figure', priceAmount: 24900, stock: 40, studio: 'prime' },
  { sku: 'STU-DRAGON-14', name: 'Crimson Dragon 1/4 Resin Statue', priceAmount: 89900, stock: 5, studio: 'resin', status: 'CHINA_STOCK' },
  { sku: 'NEN-MIKU-001', name: 'Nendoroid Hatsune Miku', priceAmount: 5900, stock: 120, studio: 'nen' },
  { sku: 'FIG-SAMURAI-16', name: 'Ronin Samurai 1/6 Action Figure', priceAmount: 32900, stock: 12, studio: 'prime', status: 'PREORDER' },
  { sku: 'PRS-MECHA-LTD', name: 'Mecha Guardian Limited Edition (500 pcs)', priceAmount: 149900, stock: 3, studio: 'resin', status: 'PREORDER' },
  { sku: 'STU-KNIGHT-13', name: 'Dark Knight 1/3 Premium Statue', priceAmount: 129900, stock: 0, studio: 'resin', status: 'ANNOUNCED' },
];

export async function seedDemoCatalog(em: EntityManager): Promise<void> {
  if ((await em.count(Product, {})) > 0) return;
  const studioIds = new Map<string, string>();
  for (const { key, ...studio } of demoStudios) studioIds.set(key, (await createStudio(em.fork(), null, studio)).id);
  for (const { studio, ...product } of demoProducts) {
    await createProduct(em.fork(), { ...product, priceCurrency: 'USD', studioId: studioIds.get(studio)! });
  }
}
