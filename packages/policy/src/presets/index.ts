import { parseStorePolicy } from '../schema/parse.js';
import type { StorePolicy, StorePolicyInput } from '../schema/store-policy.js';
import { chargeAtShip } from './charge-at-ship.js';
import { depositStore } from './deposit-store.js';
import { payOnArrival } from './pay-on-arrival.js';
import { statueStore } from './statue-store.js';

export const presetNames = ['deposit-store', 'statue-store', 'charge-at-ship', 'pay-on-arrival'] as const;
export type PresetName = (typeof presetNames)[number];

/** The seed documents, unvalidated (what a store starts from and edits). */
export const presetDocuments: Readonly<Record<PresetName, StorePolicyInput>> = {
  'deposit-store': depositStore,
  'statue-store': statueStore,
  'charge-at-ship': chargeAtShip,
  'pay-on-arrival': payOnArrival,
};

function validated(name: PresetName): StorePolicy {
  const parsed = parseStorePolicy(presetDocuments[name]);
  if (!parsed.ok) throw new Error(`Preset ${name} is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.policy;
}

/** Each preset, validated once at load (an invalid preset is a bug and fails loudly). */
export const presets: Readonly<Record<PresetName, StorePolicy>> = Object.fromEntries(presetNames.map((name) => [name, validated(name)])) as Record<
  PresetName,
  StorePolicy
>;
