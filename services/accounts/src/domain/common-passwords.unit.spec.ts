import { describe, expect, it } from 'vitest';
import { checkNotCommon, isCommonPassword } from './common-passwords.js';

describe('the common-password deny-list', () => {
  it.each(['Password1!', 'Qwerty123!', 'P@ssw0rd', 'Passw0rd!', 'Dragon2026!', '!!Iloveyou99'])('refuses %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(checkNotCommon(password)).toEqual([expect.objectContaining({ field: 'password', reason: 'COMMON_PASSWORD' })]);
  });

  it.each(['Shelf-Figure-7!', 'Figure-Fan-2026!', 'Admin-Pa55word!'])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
