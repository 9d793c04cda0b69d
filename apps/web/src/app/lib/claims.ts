import type { ClaimIssue, ClaimKind, DamageSeverity, PartCategory } from '../../__generated__/app/graphql.js';
import { everyValue } from './every-value.js';

// The values a customer picks from when opening a claim (the API's enums, in the order the form lists them).

export const claimKinds = everyValue<ClaimKind>()([
  'SHIPPING_DAMAGE',
  'ACCESSORY_DAMAGED',
  'ACCESSORY_MISSING',
  'MIS_SHIPMENT',
  'ACCESSORY_PRODUCED_IN_ERROR',
  'QUALITY_DEFECT',
]);
export const damageSeverities = everyValue<DamageSeverity>()(['STANDARD', 'SIGNIFICANT']);
export const partCategories = everyValue<PartCategory>()([
  'HEAD_SCULPT',
  'HEAD_SCULPT_SPECIAL',
  'DETACHMENT_ONLY',
  'JOINED_FIGURE_HARD_PLASTIC',
  'SEAMLESS_FIGURE_SILICONE',
  'BODY_SPECIAL_DESIGN',
  'CLOTHES_SMALL',
  'CLOTHES_MIDDLE',
  'CLOTHES_LARGE',
  'CLOTHES_SPECIAL_SMALL',
  'CLOTHES_SPECIAL_MIDDLE',
  'CLOTHES_SPECIAL_LARGE',
  'WEAPON_LARGE',
  'WEAPON_SMALL',
  'SCENE_PROP',
  'FIGURE_STAND',
  'FIGURE_STAND_SPECIAL',
  'PACKAGING_BOX',
]);
export const claimIssues = everyValue<ClaimIssue>()([
  'STRUCTURAL_BREAKAGE',
  'DETACHMENT_FIXABLE',
  'PARTIAL_SURFACE_CRACKING',
  'ACCESSORY_PAINT_ERROR',
  'MISSING_OR_WRONG_ACCESSORY',
  'ELECTRONIC_FAILURE',
]);

/** The most parts a claim names: after-sales' `StartClaimInput.parts` takes 1 to 20 (the API's bound, not a store rule). */
export const maxClaimParts = 20;

/** What the evidence store takes (after-sales checks again: the type and exact size are bound to the upload URL). */
export const evidenceTypes = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/quicktime'] as const;
