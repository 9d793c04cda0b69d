import type { EntitySchema } from '@mikro-orm/core';

/** notifications's own entities (the platform's tables come with every service). */
export const notificationsEntities: EntitySchema[] = [];
