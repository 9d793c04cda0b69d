/** What the last back-office step did, announced once the page shows its result. */
export function DoneMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="success" role="status">
      {message}
    </p>
  );
}
