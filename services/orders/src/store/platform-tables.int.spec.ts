import { expectLegacyDatabaseMigrates } from '@vitrine/testing';
import { describe, it } from 'vitest';
import { ordersService } from '../orders-service.js';

describe('a orders database from before the platform owned its tables', () => {
  it('keeps every row and ends with the same tables, indexes and constraints as a new one', async () => {
    await expectLegacyDatabaseMigrates(ordersService, { audit: false, customerRegion: true });
  });
});
