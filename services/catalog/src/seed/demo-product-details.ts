import type { DownPaymentInput } from '../domain/down-payment.js';
import type { AssemblyKind, ProductDetailsInput, ProductPart } from '../domain/product-details.js';
import type { SpecFieldChange } from '../domain/spec-change.js';

/**
 * The demo catalog's descriptive details, spec changes and price changes, as
 * data by SKU (seed/demo-catalog.ts plays them through the real use cases).
 * Amounts are USD cents, weights grams, boxes millimetres.
 */
export interface DemoDetails {
  series: string;
  licence?: string;
  description: string;
  scale: string;
  material: string;
  weightGrams: number;
  box: readonly [number, number, number];
  assembly?: { kind: AssemblyKind; note?: string };
  parts?: readonly ProductPart[];
  /** A non-refundable down payment (USD cents) on expensive statues. */
  downPayment?: number;
}

const figure = (head: string, extra: readonly ProductPart[] = []): ProductPart[] => [
  { name: 'Head', category: 'HEAD_SCULPT' },
  { name: 'Body', category: 'JOINED_FIGURE_HARD_PLASTIC' },
  ...extra,
  { name: `${head} display base`, category: 'FIGURE_STAND' },
];

export const demoProductDetails: Readonly<Record<string, DemoDetails>> = {
  'PRS-SABER-17': {
    series: 'Fate/stay night',
    licence: 'Aniplex',
    description: 'Saber Alter in her black armour, sword planted in a cracked stone base.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1450,
    box: [380, 260, 220],
    assembly: { kind: 'NONE' },
    parts: figure('Cracked stone', [{ name: 'Excalibur Morgan', category: 'WEAPON_LARGE' }]),
  },
  'PRS-MIKU-NEN': {
    series: 'Vocaloid',
    licence: 'Crypton Future Media',
    description: 'Chibi Miku with three swappable faces and a leek.',
    scale: 'Non-scale',
    material: 'PVC',
    weightGrams: 260,
    box: [150, 110, 90],
  },
  'PRS-ASUKA-17': {
    series: 'Evangelion',
    licence: 'khara',
    description: 'Asuka in her red plugsuit, standing on an Eva-01 hand.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1300,
    box: [360, 250, 210],
  },
  'IRC-RANGER-16': {
    series: 'Frontier Legends',
    description: 'Fully articulated 1/6 figure with tailored duster and two revolvers.',
    scale: '1/6',
    material: 'PVC, fabric',
    weightGrams: 1600,
    box: [400, 220, 140],
    parts: [
      { name: 'Head sculpt', category: 'HEAD_SCULPT' },
      { name: 'Duster coat', category: 'CLOTHES_SPECIAL_LARGE' },
      { name: 'Hat', category: 'CLOTHES_SMALL' },
      { name: 'Revolver (left)', category: 'WEAPON_SMALL' },
      { name: 'Revolver (right)', category: 'WEAPON_SMALL' },
      { name: 'Figure stand', category: 'FIGURE_STAND' },
    ],
  },
  'LUM-MUSE-18': {
    series: 'Art Nouveau',
    description: 'A muse after Mucha, hand-painted porcelain with gold leaf.',
    scale: '1/8',
    material: 'Porcelain, gold leaf',
    weightGrams: 2100,
    box: [330, 260, 260],
  },
  'RLR-FOX-16': {
    series: 'Mythic Beasts',
    description: 'Nine-tailed fox spirit among spider lilies.',
    scale: '1/6',
    material: 'Resin',
    weightGrams: 6800,
    box: [560, 480, 420],
    assembly: { kind: 'MAGNETS', note: 'The nine tails attach with magnets.' },
  },
  'RLR-DRAGON-14': {
    series: 'Mythic Beasts',
    description: 'Crimson dragon coiled around a temple pillar, 62 cm tall.',
    scale: '1/4',
    material: 'Resin, LED',
    weightGrams: 14500,
    box: [760, 620, 700],
    assembly: { kind: 'MAGNETS_AND_GLUE', note: 'Glue the wing joints; the flame effect attaches with magnets.' },
    downPayment: 15000,
    parts: [
      { name: 'Dragon head', category: 'HEAD_SCULPT_SPECIAL' },
      { name: 'Left wing', category: 'SCENE_PROP' },
      { name: 'Right wing', category: 'SCENE_PROP' },
      { name: 'Flame effect', category: 'SCENE_PROP' },
      { name: 'Temple base', category: 'FIGURE_STAND_SPECIAL' },
      { name: 'Outer box', category: 'PACKAGING_BOX' },
    ],
  },
  'RLR-TIGER-16': {
    series: 'Four Guardians',
    description: 'The White Tiger of the West on a cloud base.',
    scale: '1/6',
    material: 'Resin',
    weightGrams: 9200,
    box: [640, 420, 480],
    assembly: { kind: 'GLUE', note: 'Glue the cloud wisps to the base.' },
  },
  'PRS-RIN-17': {
    series: 'Fate/stay night',
    licence: 'Aniplex',
    description: 'Rin in her winter coat, gem magic effects in clear parts.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1200,
    box: [350, 240, 210],
  },
  'IRC-MECH-112': {
    series: 'Iron Sentinel',
    description: 'Die-cast mech with 40 points of articulation and light-up eyes.',
    scale: '1/12',
    material: 'Zinc alloy, ABS, PVC',
    weightGrams: 1900,
    box: [340, 260, 160],
    parts: [
      { name: 'Cockpit head', category: 'HEAD_SCULPT_SPECIAL' },
      { name: 'Frame', category: 'JOINED_FIGURE_HARD_PLASTIC' },
      { name: 'Railgun', category: 'WEAPON_LARGE' },
      { name: 'Combat knife', category: 'WEAPON_SMALL' },
    ],
  },
  'PRS-REI-17': {
    series: 'Evangelion',
    licence: 'khara',
    description: 'Rei under a blue moon, seated on an entry plug.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1100,
    box: [340, 250, 200],
  },
  'LUM-ANGEL-ST': {
    series: 'Gothic Masters',
    description: 'A fallen angel in bronze-finish cold-cast resin, numbered.',
    scale: '1/4',
    material: 'Cold-cast bronze resin',
    weightGrams: 11800,
    box: [700, 520, 520],
    assembly: { kind: 'MAGNETS', note: 'Wings attach with magnets.' },
  },
  'IRC-SAMURAI-16': {
    series: 'Frontier Legends',
    description: 'Ronin with lacquered armour pieces and a real-steel-look katana.',
    scale: '1/6',
    material: 'PVC, fabric, die-cast',
    weightGrams: 1800,
    box: [400, 230, 150],
    parts: [
      { name: 'Head sculpt', category: 'HEAD_SCULPT' },
      { name: 'Kimono', category: 'CLOTHES_SPECIAL_MIDDLE' },
      { name: 'Katana', category: 'WEAPON_LARGE' },
      { name: 'Wakizashi', category: 'WEAPON_SMALL' },
    ],
  },
  'PRS-MOMO-17': {
    series: 'Sakura Festival',
    description: 'Momo in a festival yukata under paper lanterns.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1250,
    box: [360, 250, 220],
  },
  'RLR-MECHA-LTD': {
    series: 'Mecha Guardian',
    description: 'Limited to 500 numbered pieces, with a certificate of authenticity.',
    scale: '1/6',
    material: 'Resin, die-cast, LED',
    weightGrams: 18000,
    box: [800, 600, 650],
    assembly: { kind: 'MAGNETS_AND_GLUE' },
    downPayment: 30000,
    parts: [
      { name: 'Guardian head', category: 'HEAD_SCULPT_SPECIAL' },
      { name: 'Armour frame', category: 'BODY_SPECIAL_DESIGN' },
      { name: 'Great sword', category: 'WEAPON_LARGE' },
      { name: 'Base', category: 'FIGURE_STAND_SPECIAL' },
    ],
  },
  'IRC-WIDOW-14': {
    series: 'Spy Agency',
    description: 'Premium format statue with fabric suit and two swappable heads.',
    scale: '1/4',
    material: 'Polystone, fabric',
    weightGrams: 9800,
    box: [680, 420, 420],
    downPayment: 10000,
  },
  'LUM-SIREN-16': {
    series: 'Tales of the North',
    description: 'A siren on a wave-beaten rock, translucent resin sea.',
    scale: '1/6',
    material: 'Resin',
    weightGrams: 7200,
    box: [580, 460, 440],
    assembly: { kind: 'GLUE', note: 'Glue the wave crest to the rock.' },
  },
  'PRS-KAITO-NEN': {
    series: 'Vocaloid',
    licence: 'Crypton Future Media',
    description: 'Chibi Kaito with scarf, ice cream and two faces.',
    scale: 'Non-scale',
    material: 'PVC',
    weightGrams: 250,
    box: [150, 110, 90],
  },
  'RLR-PHOENIX-14': {
    series: 'Four Guardians',
    description: 'The Vermilion Bird of the South, wings spread 70 cm.',
    scale: '1/4',
    material: 'Resin, LED',
    weightGrams: 15500,
    box: [820, 640, 600],
    assembly: { kind: 'MAGNETS_AND_GLUE', note: 'Glue the tail feathers; wings attach with magnets.' },
    downPayment: 20000,
  },
  'PRS-SAKURA-17': {
    series: 'Fate/stay night',
    licence: 'Aniplex',
    description: 'Sakura in an evening dress, ribbons in clear parts.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1150,
    box: [350, 240, 210],
  },
  'IRC-COWBOY-16': {
    series: 'Frontier Legends',
    description: 'Gunslinger with poncho, two revolvers and a saddle base.',
    scale: '1/6',
    material: 'PVC, fabric',
    weightGrams: 1700,
    box: [400, 230, 150],
  },
  'PRS-ARTORIA-14': {
    series: 'Fate/stay night',
    licence: 'Aniplex',
    description: 'Artoria in full armour, 1/4 scale with a hand-painted cape.',
    scale: '1/4',
    material: 'PVC, ABS, fabric',
    weightGrams: 4200,
    box: [520, 380, 360],
    parts: figure('Battlefield', [
      { name: 'Excalibur', category: 'WEAPON_LARGE' },
      { name: 'Cape', category: 'CLOTHES_SPECIAL_LARGE' },
    ]),
  },
  'LUM-KNIGHT-13': {
    series: 'Gothic Masters',
    description: 'A 1/3 dark knight, real-metal armour trims, 80 cm tall.',
    scale: '1/3',
    material: 'Polystone, metal',
    weightGrams: 26000,
    box: [950, 600, 600],
    assembly: { kind: 'MAGNETS', note: 'The cape and sword attach with magnets.' },
    downPayment: 25000,
  },
  'RLR-KOI-18': {
    series: 'Mythic Beasts',
    description: 'Golden koi circling a lotus pond diorama.',
    scale: '1/8',
    material: 'Resin, clear resin',
    weightGrams: 5200,
    box: [520, 520, 300],
  },
  'PRS-SHINOBU-17': {
    series: 'Demon Slayer',
    licence: 'Aniplex',
    description: 'Shinobu mid-leap among butterflies.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1050,
    box: [340, 240, 220],
  },
  'IRC-TITAN-LTD': {
    series: 'Titan Colossus',
    description: 'Life-size bust limited to 250 pieces.',
    scale: '1/1',
    material: 'Polystone',
    weightGrams: 21000,
    box: [700, 600, 800],
    downPayment: 25000,
  },
  'LUM-DANCER-18': {
    series: 'Art Nouveau',
    description: 'A Belle Époque dancer mid-twirl, hand-painted.',
    scale: '1/8',
    material: 'Resin',
    weightGrams: 1400,
    box: [300, 260, 260],
  },
  'RLR-QILIN-16': {
    series: 'Mythic Beasts',
    description: 'Jade-finish qilin on a cloud plinth.',
    scale: '1/6',
    material: 'Resin',
    weightGrams: 7400,
    box: [600, 420, 460],
  },
  'PRS-YUNA-17': {
    series: 'Summoner Saga',
    description: 'Yuna performing the sending on water.',
    scale: '1/7',
    material: 'PVC, ABS',
    weightGrams: 1200,
    box: [360, 250, 220],
  },
  'IRC-ROBOT-112': {
    series: 'Retro Toys',
    description: 'Wind-up tin robot with sparking chest.',
    scale: '1/12',
    material: 'Tin, ABS',
    weightGrams: 600,
    box: [220, 160, 120],
  },
  'LUM-GARGOYLE-ST': {
    series: 'Gothic Masters',
    description: 'A Notre-Dame gargoyle, stone-finish resin.',
    scale: 'Non-scale',
    material: 'Resin',
    weightGrams: 6100,
    box: [480, 400, 480],
  },
  'RLR-WUKONG-14': {
    series: 'Journey to the West',
    description: 'The Monkey King on his cloud, staff raised.',
    scale: '1/4',
    material: 'Resin, metal staff',
    weightGrams: 16500,
    box: [780, 560, 700],
    assembly: { kind: 'MAGNETS_AND_GLUE' },
    downPayment: 20000,
  },
};

/** The create-product fields for a demo product's details (every demo product has some). */
export function demoDetailsInput(sku: string): ProductDetailsInput & { downPayment: DownPaymentInput | null } {
  const { box, downPayment, assembly, parts, ...details } = demoProductDetails[sku]!;
  return {
    ...details,
    licence: details.licence ?? null,
    images: demoImages(sku),
    packageDimensions: { lengthMm: box[0], widthMm: box[1], heightMm: box[2] },
    assembly: assembly ? { kind: assembly.kind, note: assembly.note ?? null } : null,
    parts: parts ? [...parts] : [],
    downPayment: downPayment === undefined ? null : { required: true, amount: { amount: downPayment, currency: 'USD' } },
  };
}

/** Gallery URLs for a demo product (three views). */
export const demoImages = (sku: string): string[] => [1, 2, 3].map((n) => `https://images.vitrine.example/demo/${sku.toLowerCase()}/${n}.jpg`);

/** Spec changes announced before release: recorded ones, and one made through updateProduct (parts). */
export const demoSpecChanges: readonly { sku: string; changes?: readonly SpecFieldChange[]; description?: string; reason: string }[] = [
  {
    sku: 'RLR-MECHA-LTD',
    description: 'The base now lights up (LED, USB powered) and the certificate is numbered by hand.',
    reason: 'The studio upgraded the base after the prototype review.',
  },
  {
    sku: 'LUM-SIREN-16',
    changes: [{ field: 'paint finish', from: 'Matte', to: 'Pearlescent' }],
    reason: 'The licensor asked for a pearlescent finish on the tail.',
  },
];

export const demoPartsUpdate = {
  sku: 'PRS-ARTORIA-14',
  add: { name: 'Excalibur (glowing alternate)', category: 'WEAPON_LARGE' } satisfies ProductPart,
  reason: 'The studio added a light-up alternate sword.',
};

export const demoPriceChanges: readonly { sku: string; amount: number; reason: string }[] = [
  { sku: 'PRS-MOMO-17', amount: 27900, reason: 'The studio raised its price (material costs).' },
  { sku: 'LUM-MUSE-18', amount: 16900, reason: 'Spring promotion.' },
];
