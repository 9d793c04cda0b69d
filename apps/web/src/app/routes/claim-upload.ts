import { graphql } from '../../__generated__/app/index.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { messagesFor } from '../lib/i18n.js';
import { requestLocale } from '../lib/locale.server.js';
import { readSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/claim-upload';

const uploadMutation = graphql(`
  mutation StorefrontEvidenceUpload($claimId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(claimId: $claimId, input: $input) {
      url
      headers {
        name
        value
      }
      expiresAt
      evidence {
        id
        kind
        status
      }
    }
  }
`);

/**
 * The claim page's script asks here for one file's upload URL (after-sales signs it for the file's type and exact
 * size), then sends the file straight to the evidence store with it: the file never passes through this server.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await readSession(request, context);
  const t = messagesFor(await requestLocale(request, context));
  if (!session) return Response.json({ error: t.errors.failed }, { status: 401 });
  const form = await request.formData();
  const contentType = form.get('contentType');
  const sizeBytes = Number(form.get('sizeBytes'));
  if (typeof contentType !== 'string' || !Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) {
    return Response.json({ error: t.claim.uploadFailed }, { status: 400 });
  }
  try {
    const { requestEvidenceUpload: ticket } = await callApi(
      context,
      uploadMutation,
      { claimId: params.claimId, input: { contentType, sizeBytes } },
      session.accessToken,
    );
    return Response.json(ticket);
  } catch (err) {
    if (err instanceof ApiError) return Response.json({ error: await refusalFor(request, context, err) }, { status: 422 });
    throw err;
  }
}

export function loader() {
  return new Response('Not found', { status: 404 });
}
