import { graphql } from '../../../__generated__/app/index.js';
import { ApiError, callApi } from '../../lib/api.server.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { formOutOfDate, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/product-image-upload';

const uploadMutation = graphql(`
  mutation BackOfficeProductImageUpload($productId: ID!, $contentType: String!, $byteSize: Int!) {
    requestProductImageUpload(productId: $productId, contentType: $contentType, byteSize: $byteSize) {
      url
      headers {
        name
        value
      }
      imageUrl
    }
  }
`);
const addImageMutation = graphql(`
  mutation BackOfficeAddProductImage($productId: ID!, $imageUrl: String!) {
    addProductImage(productId: $productId, imageUrl: $imageUrl) {
      images
    }
  }
`);

/**
 * The product details page's script asks here for one image's upload URL (catalog signs it for the file's type and
 * exact size), sends the file straight to the image store with it (never through this server), then asks here to
 * add the image to the product: catalog checks the upload arrived. Answers JSON: the ticket, the images, or an error.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  try {
    if (form.get('intent') === 'ticket') {
      const contentType = String(form.get('contentType') ?? '');
      const byteSize = Number(form.get('byteSize'));
      const { requestProductImageUpload: ticket } = await callApi(
        context,
        uploadMutation,
        { productId: params.id, contentType, byteSize: Number.isSafeInteger(byteSize) ? byteSize : -1 },
        staff.accessToken,
      );
      return Response.json(ticket);
    }
    if (form.get('intent') === 'attach') {
      // Catalog adds it after the product's other images (the cover stays first), under the product's lock.
      const imageUrl = String(form.get('imageUrl') ?? '');
      const { addProductImage } = await callApi(context, addImageMutation, { productId: params.id, imageUrl }, staff.accessToken);
      return Response.json({ images: addProductImage.images });
    }
    return Response.json({ error: await formOutOfDate(request, context) }, { status: 400 });
  } catch (err) {
    if (err instanceof ApiError) return Response.json({ error: await refusalFor(request, context, err, { withProblems: true }) }, { status: 422 });
    throw err;
  }
}

export function loader() {
  return new Response('Not found', { status: 404 });
}
