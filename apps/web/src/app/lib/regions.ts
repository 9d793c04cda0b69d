/** Regions the storefront offers (the account's region decides where orders ship and which licences apply); names: the catalogue's `countries`. */
export const regions = ['FR', 'DE', 'BE', 'ES', 'IT', 'GB', 'US', 'CA', 'JP'] as const;
