/**
 * The sandbox provider's test cards (payments' README): what a card form would hand us as a token. Only the
 * sandbox takes them; with a real provider this form is its card element (not built yet).
 */
export const sandboxCards = [
  ['sandbox_visa', 'Visa ending 4242 (test card: succeeds)'],
  ['sandbox_mastercard', 'Mastercard ending 4444 (test card: succeeds)'],
  ['sandbox_requires_action', 'Visa ending 3155 (test card: your bank asks to confirm)'],
  ['sandbox_declined', 'Visa ending 0002 (test card: declined)'],
] as const;
