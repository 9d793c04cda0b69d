import { expectLegacyDatabaseMigrates } from '@vitrine/testing';
import { describe, it } from 'vitest';
import { catalogService } from '../catalog-service.js';

describe('a catalog database from before the platform owned its tables', () => {
  it('keeps every row and ends with the same tables, indexes and constraints as a new one', async () => {
    await expectLegacyDatabaseMigrates(catalogService, { audit: true, customerRegion: true });
  });
});
