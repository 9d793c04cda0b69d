import type { ProductStatus } from '@vitrine/contracts';

/**
 * The `npm start` demo catalog, as data only (seed/demo-catalog.ts plays it
 * through the real use cases). Prices are USD minor units (cents).
 */
export const demoStudios = [
  { key: 'prime', name: 'Prime Forge Studio', country: 'JP', contactEmail: 'partners@primeforge.example' },
  { key: 'resin', name: 'Red Lacquer Resin Works', country: 'CN', contactEmail: 'sales@redlacquer.example' },
  { key: 'ironclad', name: 'Ironclad Collectibles', country: 'US', contactEmail: 'wholesale@ironclad.example' },
  { key: 'lumiere', name: 'Atelier Lumière', country: 'FR', contactEmail: 'contact@atelier-lumiere.example' },
] as const;

/** France (our own warehouse) and the factory in China (CHINA_STOCK). */
export const demoWarehouses = [
  {
    code: 'FR-LYS',
    name: 'Lyon warehouse',
    country: 'FR',
    heldByFactory: false,
    allocationPriority: 10,
    returnAddress: { name: 'Vitrine Returns', line1: '14 rue de la Soie', line2: 'Quai 3', postalCode: '69100', city: 'Villeurbanne', region: null },
  },
  {
    code: 'CN-DG',
    name: 'Dongguan factory warehouse',
    country: 'CN',
    heldByFactory: true,
    allocationPriority: 10,
    returnAddress: {
      name: 'Vitrine Returns (factory)',
      line1: '88 Songshan Lake Road',
      line2: null,
      postalCode: '523808',
      city: 'Dongguan',
      region: 'Guangdong',
    },
  },
] as const;

export type DemoStudioKey = (typeof demoStudios)[number]['key'];

export interface DemoProduct {
  sku: string;
  name: string;
  studio: DemoStudioKey;
  priceAmount: number;
  /**
   * Units: received at creation (created IN_STOCK or CHINA_STOCK), arrived
   * after the status moves (went through preorders, ended sellable), or the
   * limited run (still a PREORDER at the end). Factory warehouse when it ends
   * CHINA_STOCK, France otherwise.
   */
  stock: number;
  /** Created in the first status (an initial one), then moved through the rest, each move allowed by domain/product-status. */
  path: readonly [ProductStatus, ...ProductStatus[]];
  /** First estimated release (set right after creation, so only for a product created before release). */
  release?: string;
  /** Later estimates, in order, each with the maker's reason; applied before any status move. */
  slips?: readonly { estimate: string; reason: string }[];
  regionBlocks?: readonly string[];
  maxQuantityPerOrder?: number;
}

/** Why staff made each status move (the audit entry and ProductStatusChanged carry it). */
export const demoStatusReasons: Readonly<Record<ProductStatus, string>> = {
  ANNOUNCED: 'Announced by the studio.',
  PREORDER: 'Preorder window opened by the studio.',
  PREORDER_CLOSED: 'Preorder window closed; orders sent to the studio.',
  RELEASED: 'The studio released the product.',
  IN_STOCK: 'Stock received at the French warehouse.',
  CHINA_STOCK: 'Units held at the factory warehouse in China.',
  SOLD_OUT: 'Every unit has been sold.',
  DISCONTINUED: 'The studio ended production.',
};

export const demoFirstEstimateReason = 'First estimate given by the studio.';

const factory = 'Factory delayed production (paint masters re-done).';
const licensor = 'Licensor approval of the final prototype took longer than planned.';
const shipping = 'Sea freight capacity: shipment moved to the next container.';

export const demoProducts: readonly DemoProduct[] = [
  // In stock in France, ordered every day.
  { sku: 'PRS-SABER-17', name: 'Saber Alter 1/7 Scale Figure', studio: 'prime', priceAmount: 24900, stock: 40, path: ['IN_STOCK'] },
  { sku: 'PRS-MIKU-NEN', name: 'Hatsune Miku Chibi Figure', studio: 'prime', priceAmount: 5900, stock: 120, path: ['IN_STOCK'] },
  {
    sku: 'PRS-ASUKA-17',
    name: 'Asuka Plugsuit 1/7 Scale Figure',
    studio: 'prime',
    priceAmount: 21900,
    stock: 25,
    path: ['PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'IN_STOCK'],
    release: '2026-04',
    slips: [{ estimate: '2026-06', reason: factory }],
  },
  { sku: 'IRC-RANGER-16', name: 'Lone Ranger 1/6 Action Figure', studio: 'ironclad', priceAmount: 27900, stock: 18, path: ['IN_STOCK'], regionBlocks: ['CN'] },
  {
    sku: 'LUM-MUSE-18',
    name: 'Art Nouveau Muse 1/8 Porcelain Figure',
    studio: 'lumiere',
    priceAmount: 18900,
    stock: 30,
    path: ['IN_STOCK', 'SOLD_OUT', 'IN_STOCK'],
  },
  {
    sku: 'RLR-FOX-16',
    name: 'Nine-Tailed Fox 1/6 Resin Statue',
    studio: 'resin',
    priceAmount: 45900,
    stock: 8,
    path: ['ANNOUNCED', 'RELEASED', 'IN_STOCK'],
    release: '2026-09',
    maxQuantityPerOrder: 2,
  },
  // Held at the factory in China: orderable, ships later.
  {
    sku: 'RLR-DRAGON-14',
    name: 'Crimson Dragon 1/4 Resin Statue',
    studio: 'resin',
    priceAmount: 89900,
    stock: 5,
    path: ['CHINA_STOCK'],
    maxQuantityPerOrder: 1,
  },
  {
    sku: 'RLR-TIGER-16',
    name: 'White Tiger Guardian 1/6 Statue',
    studio: 'resin',
    priceAmount: 52900,
    stock: 14,
    path: ['PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'CHINA_STOCK'],
    release: '2026-05',
  },
  { sku: 'PRS-RIN-17', name: 'Rin Tohsaka Winter 1/7 Scale Figure', studio: 'prime', priceAmount: 22900, stock: 20, path: ['IN_STOCK', 'CHINA_STOCK'] },
  {
    sku: 'IRC-MECH-112',
    name: 'Iron Sentinel 1/12 Die-cast Mech',
    studio: 'ironclad',
    priceAmount: 16900,
    stock: 60,
    path: ['CHINA_STOCK'],
    regionBlocks: ['US'],
  },
  // Released, not yet dispatched to a warehouse.
  {
    sku: 'PRS-REI-17',
    name: 'Rei Ayanami Blue Moon 1/7 Scale Figure',
    studio: 'prime',
    priceAmount: 23900,
    stock: 35,
    path: ['PREORDER', 'PREORDER_CLOSED', 'RELEASED'],
    release: '2026-08',
    slips: [{ estimate: '2026-10', reason: licensor }],
  },
  {
    sku: 'LUM-ANGEL-ST',
    name: 'Fallen Angel Bronze-finish Statue (store exclusive)',
    studio: 'lumiere',
    priceAmount: 64900,
    stock: 12,
    path: ['ANNOUNCED', 'RELEASED'],
    release: '2026-11',
  },
  {
    sku: 'IRC-SAMURAI-16',
    name: 'Ronin Samurai 1/6 Action Figure',
    studio: 'ironclad',
    priceAmount: 32900,
    stock: 10,
    path: ['PREORDER', 'PREORDER_CLOSED', 'RELEASED'],
    release: '2026-07',
    slips: [
      { estimate: '2026-09', reason: factory },
      { estimate: '2026-11', reason: shipping },
    ],
  },
  // Preorders open.
  { sku: 'PRS-MOMO-17', name: 'Momo Sakura Festival 1/7 Scale Figure', studio: 'prime', priceAmount: 25900, stock: 50, path: ['PREORDER'], release: '2027-03' },
  {
    sku: 'RLR-MECHA-LTD',
    name: 'Mecha Guardian Limited Edition (500 pcs)',
    studio: 'resin',
    priceAmount: 149900,
    stock: 3,
    path: ['ANNOUNCED', 'PREORDER'],
    release: '2027-02',
    slips: [{ estimate: '2027-05', reason: factory }],
    maxQuantityPerOrder: 1,
  },
  {
    sku: 'IRC-WIDOW-14',
    name: 'Black Widow 1/4 Premium Format Statue',
    studio: 'ironclad',
    priceAmount: 79900,
    stock: 15,
    path: ['PREORDER'],
    release: '2027-04',
    regionBlocks: ['CN'],
  },
  {
    sku: 'LUM-SIREN-16',
    name: 'Siren of the North Sea 1/6 Resin Statue',
    studio: 'lumiere',
    priceAmount: 38900,
    stock: 20,
    path: ['PREORDER', 'PREORDER_CLOSED', 'PREORDER'],
    release: '2027-01',
    slips: [{ estimate: '2027-03', reason: licensor }],
  },
  { sku: 'PRS-KAITO-NEN', name: 'Kaito Chibi Figure', studio: 'prime', priceAmount: 5900, stock: 80, path: ['PREORDER'], release: '2027-02' },
  // Preorders closed, waiting for the studio.
  {
    sku: 'RLR-PHOENIX-14',
    name: 'Vermilion Phoenix 1/4 Resin Statue',
    studio: 'resin',
    priceAmount: 99900,
    stock: 6,
    path: ['ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED'],
    release: '2026-12',
    slips: [
      { estimate: '2027-02', reason: factory },
      { estimate: '2027-04', reason: shipping },
      { estimate: '2027-06', reason: licensor },
    ],
    maxQuantityPerOrder: 1,
  },
  {
    sku: 'PRS-SAKURA-17',
    name: 'Sakura Matou Dress 1/7 Scale Figure',
    studio: 'prime',
    priceAmount: 26900,
    stock: 30,
    path: ['PREORDER', 'PREORDER_CLOSED'],
    release: '2027-01',
  },
  {
    sku: 'IRC-COWBOY-16',
    name: 'Outlaw Gunslinger 1/6 Action Figure',
    studio: 'ironclad',
    priceAmount: 29900,
    stock: 22,
    path: ['PREORDER', 'PREORDER_CLOSED'],
    release: '2026-12-15',
    regionBlocks: ['CN', 'RU'],
  },
  // Announced at a show, no orders yet.
  { sku: 'PRS-ARTORIA-14', name: 'Artoria Pendragon 1/4 Scale Figure', studio: 'prime', priceAmount: 54900, stock: 0, path: ['ANNOUNCED'], release: '2027-09' },
  {
    sku: 'LUM-KNIGHT-13',
    name: 'Dark Knight 1/3 Premium Statue',
    studio: 'lumiere',
    priceAmount: 129900,
    stock: 0,
    path: ['ANNOUNCED'],
    release: '2027-06',
    slips: [{ estimate: '2027-10', reason: licensor }],
  },
  { sku: 'RLR-KOI-18', name: 'Golden Koi Pond 1/8 Diorama', studio: 'resin', priceAmount: 34900, stock: 0, path: ['ANNOUNCED'], release: '2027-08' },
  // Sold out.
  { sku: 'PRS-SHINOBU-17', name: 'Shinobu Butterfly 1/7 Scale Figure', studio: 'prime', priceAmount: 19900, stock: 0, path: ['IN_STOCK', 'SOLD_OUT'] },
  {
    sku: 'IRC-TITAN-LTD',
    name: 'Titan Colossus Limited Bust (250 pcs)',
    studio: 'ironclad',
    priceAmount: 119900,
    stock: 0,
    path: ['PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'SOLD_OUT'],
    release: '2026-03',
    slips: [{ estimate: '2026-06', reason: factory }],
    maxQuantityPerOrder: 1,
  },
  { sku: 'LUM-DANCER-18', name: 'Belle Époque Dancer 1/8 Figure', studio: 'lumiere', priceAmount: 15900, stock: 0, path: ['CHINA_STOCK', 'SOLD_OUT'] },
  {
    sku: 'RLR-QILIN-16',
    name: 'Jade Qilin 1/6 Resin Statue',
    studio: 'resin',
    priceAmount: 48900,
    stock: 0,
    path: ['IN_STOCK', 'SOLD_OUT'],
    maxQuantityPerOrder: 2,
  },
  // Discontinued.
  {
    sku: 'PRS-YUNA-17',
    name: 'Yuna Summoner 1/7 Scale Figure',
    studio: 'prime',
    priceAmount: 20900,
    stock: 0,
    path: ['ANNOUNCED', 'DISCONTINUED'],
    release: '2026-06',
  },
  {
    sku: 'IRC-ROBOT-112',
    name: 'Retro Robot 1/12 Tin Figure',
    studio: 'ironclad',
    priceAmount: 8900,
    stock: 0,
    path: ['IN_STOCK', 'SOLD_OUT', 'DISCONTINUED'],
  },
  {
    sku: 'LUM-GARGOYLE-ST',
    name: 'Notre-Dame Gargoyle Resin Statue',
    studio: 'lumiere',
    priceAmount: 42900,
    stock: 0,
    path: ['PREORDER', 'DISCONTINUED'],
    release: '2026-10',
    regionBlocks: ['US'],
  },
  {
    sku: 'RLR-WUKONG-14',
    name: 'Monkey King 1/4 Resin Statue',
    studio: 'resin',
    priceAmount: 109900,
    stock: 0,
    path: ['CHINA_STOCK', 'DISCONTINUED'],
    maxQuantityPerOrder: 1,
  },
];
