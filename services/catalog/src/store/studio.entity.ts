import { defineEntity, p } from '@mikro-orm/core';

/** A studio or manufacturer that makes figures and statues. */
export const StudioSchema = defineEntity({
  name: 'Studio',
  tableName: 'studio',
  properties: {
    id: p.uuid().primary(),
    /** Unique whatever its case (studio_name_lower_unique, on lower(name)). */
    name: p.string().length(120),
    /** ISO 3166-1 alpha-2. */
    country: p.string().length(2),
    contactEmail: p.string().length(254),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'studio_name_lower_unique', expression: 'create unique index "studio_name_lower_unique" on "catalog"."studio" (lower("name"))' }],
});

export class Studio extends StudioSchema.class {}
StudioSchema.setClass(Studio);
