import type { EntitySchema } from '@mikro-orm/core';

/** logistics's own entities (the platform's tables come with every service). */
export const logisticsEntities: EntitySchema[] = [];
