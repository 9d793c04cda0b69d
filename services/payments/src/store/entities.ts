import type { EntitySchema } from '@mikro-orm/core';

/** payments's own entities (the platform's tables come with every service). */
export const paymentsEntities: EntitySchema<any, any>[] = [];
