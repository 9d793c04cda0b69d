import { Field, ID, ObjectType } from 'type-graphql';
import type { Studio } from '../store/studio.entity.js';
import { Staff } from '../identity.js';

@ObjectType('Studio', { description: 'A studio or manufacturer that makes figures and statues.' })
export class StudioType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string;

  @Staff('catalog:write')
  @Field(() => String, { description: 'Staff (catalog:write) only: who to write to at the studio.' })
  contactEmail!: string;

  static from(studio: Studio): StudioType {
    return Object.assign(new StudioType(), { id: studio.id, name: studio.name, country: studio.country, contactEmail: studio.contactEmail });
  }
}
