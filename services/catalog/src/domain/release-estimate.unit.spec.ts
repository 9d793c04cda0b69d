import { describe, expect, it } from 'vitest';
import { checkReleaseEstimate } from './release-estimate.js';

describe('checkReleaseEstimate', () => {
  it.each(['2027-03', '2027-12', '2027-03-14', '2028-02-29', ' 2027-01 '])('accepts %s', (estimate) => {
    expect(checkReleaseEstimate(estimate)).toEqual([]);
  });

  it.each(['', '2027', '2027-3', '2027-13', '2027-00', '2027-02-29', '2027-04-31', '2027-03-00', 'March 2027', '1999-01', '2027-03-14T00:00'])(
    'refuses %j',
    (estimate) => {
      expect(checkReleaseEstimate(estimate)).toEqual([expect.objectContaining({ field: 'estimate', reason: 'INVALID_RELEASE_ESTIMATE' })]);
    },
  );
});
