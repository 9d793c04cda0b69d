/** A problem with a staff queue's filter or page, for BAD_USER_INPUT. */
export interface QueueProblem {
  field: string;
  reason: string;
  message: string;
}

/** Deep offsets mean a filter is missing: past this, narrow the queue instead. */
export const maxQueueOffset = 10_000;

/**
 * Checks a staff queue's filter and page before anything is read: at least
 * one status when statuses are given, an age range whose start is not after
 * its end, an offset from 0 to `maxQueueOffset`. Every problem at once.
 */
export function checkQueueRequest(request: {
  statuses: readonly string[] | null;
  from: Date | null;
  to: Date | null;
  offset: number;
  fields: { statuses: string; from: string; to: string };
}): QueueProblem[] {
  const problems: QueueProblem[] = [];
  if (request.statuses !== null && request.statuses.length === 0) {
    problems.push({ field: request.fields.statuses, reason: 'REQUIRED', message: 'Name at least one status, or leave the statuses out.' });
  }
  if (request.from && request.to && request.from.getTime() > request.to.getTime()) {
    problems.push({ field: request.fields.from, reason: 'EMPTY_RANGE', message: `${request.fields.from} is after ${request.fields.to}: nothing can match.` });
  }
  if (!Number.isInteger(request.offset) || request.offset < 0 || request.offset > maxQueueOffset) {
    problems.push({ field: 'offset', reason: 'OUT_OF_RANGE', message: `offset must be between 0 and ${maxQueueOffset}: narrow the filter to go further.` });
  }
  return problems;
}
