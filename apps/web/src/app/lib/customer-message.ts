/** What a customer sees when the API's own message cannot be shown (missing, or looking like a program's output). */
const fallback: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in to continue.',
  FORBIDDEN: 'This is not available to your account.',
  SERVICE_UNAVAILABLE: 'This part of the store is busy right now. Please try again in a moment.',
  PERSISTED_QUERY_NOT_FOUND: 'This page is out of date. Please reload it.',
  PERSISTED_QUERY_REQUIRED: 'This page is out of date. Please reload it.',
};
const generic = 'Something went wrong on our side. Please try again in a moment.';

/**
 * The API writes its messages for customers; this keeps anything else out of the page: a message that is not
 * a string, is very long, or carries a stack trace or a file path is replaced by a plain sentence for its code.
 */
export function customerMessage(message: unknown, code: string): string {
  const readable =
    typeof message === 'string' &&
    message.trim().length > 0 &&
    message.length <= 400 &&
    !/\n\s+at |\bat .+:\d+:\d+|\/(src|dist|node_modules)\//.test(message) &&
    code !== 'INTERNAL_SERVER_ERROR';
  return readable ? message.trim() : (fallback[code] ?? generic);
}
