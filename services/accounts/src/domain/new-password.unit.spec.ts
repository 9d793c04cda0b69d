import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './new-password.js';

describe('checkNewPassword', () => {
  it('reports the policy rules first, under the given field', () => {
    expect(checkNewPassword('short', 'newPassword').map((p) => `${p.field}:${p.reason}`)).toEqual([
      'newPassword:TOO_SHORT',
      'newPassword:MISSING_UPPERCASE',
      'newPassword:MISSING_DIGIT',
      'newPassword:MISSING_SYMBOL',
    ]);
  });

  it('then refuses a common password the policy accepts', () => {
    expect(checkNewPassword('Password1!', 'newPassword')).toEqual([expect.objectContaining({ field: 'newPassword', reason: 'COMMON_PASSWORD' })]);
  });

  it('accepts an uncommon password that follows the policy', () => {
    expect(checkNewPassword('Shelf-Figure-7!')).toEqual([]);
  });
});
