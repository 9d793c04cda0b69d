/** An API refusal as the customer reads it: its message, announced to screen readers. */
export function ApiErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
