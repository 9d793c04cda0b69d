import { expectLegacyDatabaseMigrates } from '@vitrine/testing';
import { describe, it } from 'vitest';
import { accountsService } from '../accounts-service.js';

describe('a accounts database from before the platform owned its tables', () => {
  it('keeps every row and ends with the same tables, indexes and constraints as a new one', async () => {
    await expectLegacyDatabaseMigrates(accountsService, { audit: true, customerRegion: false });
  });
});
