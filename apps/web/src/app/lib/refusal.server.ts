import type { AppLoadContext } from 'react-router';
import type { ApiError } from './api.server.js';
import { requestLocale } from './locale.server.js';
import { refusalIn, type RefusalOptions } from './refusals.js';

/** An API refusal in the language of the request (lib/refusals.ts: French by its code, else the API's English). */
export async function refusalFor(request: Request, context: AppLoadContext, err: ApiError, options?: RefusalOptions): Promise<string> {
  return refusalIn(await requestLocale(request, context), err, options);
}
