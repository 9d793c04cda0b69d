import type { FieldProblem } from '@vitrine/platform/domain';

export const displayNameLimits = { minLength: 1, maxLength: 50 } as const;

/** The name shown on reviews and greetings: any script, but no control characters. Expects a trimmed value. */
export function checkDisplayName(trimmed: string): FieldProblem[] {
  const length = [...trimmed].length;
  if (length < displayNameLimits.minLength || length > displayNameLimits.maxLength) {
    return [
      {
        field: 'displayName',
        reason: 'INVALID_LENGTH',
        message: `Display name must be ${displayNameLimits.minLength} to ${displayNameLimits.maxLength} characters.`,
      },
    ];
  }
  if (/\p{Cc}|\p{Cf}/u.test(trimmed)) {
    return [{ field: 'displayName', reason: 'INVALID_CHARACTER', message: 'Display name cannot contain control or invisible formatting characters.' }];
  }
  return [];
}
