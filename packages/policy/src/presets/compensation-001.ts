import type { StorePolicyInput } from '../schema/store-policy.js';

/**
 * Seed 001's grading chart and compensation table ("[Policy] After-sales
 * coverage and solutions"). Table values are in the store currency; with USD,
 * 5 -> 500 minor units. null: "Depends" (staff decide).
 */
export const compensation001: NonNullable<StorePolicyInput['claims']['compensation']> = {
  issueGrades: {
    ELECTRONIC_FAILURE: 'MEDIUM', // 001: "Electronic function failure (no other appearance issues) Medium"
    MISSING_OR_WRONG_ACCESSORY: 'HIGH', // 001: "Missing-out/wrong accessory High"
    ACCESSORY_PAINT_ERROR: 'STAFF', // 001: "Wrong/omission painting for accessories Depends"
    DETACHMENT_FIXABLE: 'LOW', // 001: "The detachment between accessories(can be fixed by glue or changing connectors) Low"
    STRUCTURAL_BREAKAGE: 'HIGH', // 001: "Structural breakage/deformation of accessories(cannot be fixed by replacing connectors) High"
    PARTIAL_SURFACE_CRACKING: 'STAFF', // 001: "Partial surface cracking (fiber, soft rubber, etc) Depends"
  },
  gradePercentBps: {
    LOW: 2500, // 001: "Low: 25%"
    MEDIUM: 5000, // 001: "Medium: 50%"
    HIGH: 10000, // 001: "High: 100%"
  },
  partMaxReimbursement: {
    DETACHMENT_ONLY: 500, // 001: "No broken accessories (detachment issue) 5"
    HEAD_SCULPT: 2500, // 001: "Head sculpt w/o special functions 25"
    HEAD_SCULPT_SPECIAL: 4000, // 001: "Head sculpt w/ special functions 40"
    JOINED_FIGURE_HARD_PLASTIC: 2000, // 001: "Joined figure (material: hard plastic) 20"
    SEAMLESS_FIGURE_SILICONE: 4000, // 001: "Seamless figure (material: Silicone) 40"
    BODY_SPECIAL_DESIGN: 4000, // 001: "Body w/ special design (tattoo, altered limbs) 40"
    CLOTHES_SMALL: 500, // 001: "Clothes piece w/o special design (small) 5"
    CLOTHES_MIDDLE: 1000, // 001: "Clothes piece w/o special design (middle) 10"
    CLOTHES_LARGE: 1500, // 001: "Clothes piece w/o special design (large) 15"
    CLOTHES_SPECIAL_SMALL: 1500, // 001: "Clothes piece w/ special design (small) 15"
    CLOTHES_SPECIAL_MIDDLE: 2000, // 001: "Clothes piece w/ special design (middle) 20"
    CLOTHES_SPECIAL_LARGE: 3000, // 001: "Clothes piece w/ special design (large) 30"
    WEAPON_LARGE: 1500, // 001: "Weapon (large) 15"
    WEAPON_SMALL: 500, // 001: "Weapon (small) 5"
    SCENE_PROP: 500, // 001: "Other scene props 5"
    FIGURE_STAND: 1000, // 001: "Figure stand w/o special design 10"
    FIGURE_STAND_SPECIAL: null, // 001: "Figure stand w/ special design Depends"
    PACKAGING_BOX: null, // 001: "Packaging box Depends"
  },
};
