import { useEffect, useState, type FormEvent } from 'react';
import { Form, useNavigation, useRevalidator, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { AssemblyKind, PartCategory, UpdateProductInput } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ProductPages } from '../../components/product-pages.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime, productStatusWords } from '../../lib/format.js';
import { partCategories } from '../../lib/claims.js';
import { en } from '../../lib/messages/en.js';
import { imageLines, packageSides, partRows, wholeOrNull } from '../../lib/product-form.js';
import { putFile, type SignedUpload } from '../../lib/put-file.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/product-details';

// A product's descriptive fields and its spec-change history. The API decides what a change means: before
// release a changed spec field (scale, material, weight, package, assembly) is also a spec change customers are
// told about, so it needs a reason; the page only checks that numbers are numbers.

const detailsQuery = graphql(`
  query BackOfficeProductDetails($id: ID!) {
    product(id: $id) {
      id
      name
      sku
      status
      description
      series
      licence
      images
      scale
      material
      weightGrams
      packageDimensions {
        lengthMm
        widthMm
        heightMm
      }
      assembly {
        kind
        note
      }
      parts {
        name
        category
      }
      studio {
        id
      }
      specChanges {
        id
        changes {
          field
          from
          to
        }
        description
        reason
        changedAt
      }
    }
    studios {
      id
      name
    }
    productImageLimits {
      contentTypes
      maxBytes
    }
  }
`);
const removeImageMutation = graphql(`
  mutation BackOfficeRemoveProductImage($productId: ID!, $imageUrl: String!) {
    removeProductImage(productId: $productId, imageUrl: $imageUrl) {
      id
    }
  }
`);
const updateMutation = graphql(`
  mutation BackOfficeUpdateProduct($id: ID!, $input: UpdateProductInput!, $reason: String) {
    updateProduct(id: $id, input: $input, reason: $reason) {
      id
    }
  }
`);
const specChangeMutation = graphql(`
  mutation BackOfficeRecordSpecChange($id: ID!, $input: RecordSpecChangeInput!) {
    recordSpecChange(productId: $id, input: $input) {
      id
    }
  }
`);

const assemblyKinds: [AssemblyKind, string][] = [
  ['NONE', 'Ready to display'],
  ['MAGNETS', 'Parts attach with magnets'],
  ['GLUE', 'Some parts must be glued'],
  ['MAGNETS_AND_GLUE', 'Magnets and glue'],
];
/** Empty rows under the parts, to add new ones (without JavaScript, a form cannot grow). */
const newPartRows = 2;
const done: Record<string, string> = {
  details: 'The details were saved.',
  spec: 'The spec change was recorded; customers are told.',
  'remove-image': 'The image was removed from the product.',
};

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.product.name ?? 'Product'}: details | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product, studios, productImageLimits } = await callApi(context, detailsQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError('There is no product with this id.', 'NOT_FOUND'));
  return { product, studios, imageLimits: productImageLimits };
}

/** The form's fields as the API takes them, or what is not a number. */
function detailsFrom(form: FormData): { input: UpdateProductInput } | { error: string } {
  const weightGrams = wholeOrNull(field(form, 'weightGrams'));
  if (weightGrams === undefined) return { error: 'The weight is a whole number of grams (or empty).' };
  const packageDimensions = packageSides(field(form, 'lengthMm'), field(form, 'widthMm'), field(form, 'heightMm'));
  if (packageDimensions === undefined) return { error: 'Give the package’s three sides as whole millimetres, or none of them.' };
  return {
    input: {
      name: field(form, 'name'),
      description: field(form, 'description'),
      series: field(form, 'series') || null,
      licence: field(form, 'licence') || null,
      studioId: field(form, 'studioId') || null,
      scale: field(form, 'scale') || null,
      material: field(form, 'material') || null,
      weightGrams,
      packageDimensions,
      assembly: { kind: (field(form, 'assemblyKind') || 'NONE') as AssemblyKind, note: field(form, 'assemblyNote') || null },
      images: imageLines(String(form.get('images') ?? '')),
      parts: partRows(
        form.getAll('partName').map(String),
        form.getAll('partCategory').map((c) => String(c) as PartCategory),
      ),
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const form = await request.formData();
  const intent = field(form, 'intent');
  try {
    if (intent === 'details') {
      const details = detailsFrom(form);
      if ('error' in details) return { intent, error: details.error };
      await callApi(context, updateMutation, { id: params.id, input: details.input, reason: field(form, 'reason') || null }, staff.accessToken);
      return backToPage(request, intent);
    }
    if (intent === 'remove-image') {
      await callApi(context, removeImageMutation, { productId: params.id, imageUrl: field(form, 'image') }, staff.accessToken);
      return backToPage(request, intent);
    }
    if (intent === 'spec') {
      const change = { field: field(form, 'specField'), from: field(form, 'specFrom') || null, to: field(form, 'specTo') || null };
      const input = { changes: change.field ? [change] : [], description: field(form, 'specDescription') || null, reason: field(form, 'specReason') };
      await callApi(context, specChangeMutation, { id: params.id, input }, staff.accessToken);
      return backToPage(request, intent);
    }
    return { intent, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: messageWithProblems(err) };
    throw err;
  }
}

function TextField({
  name,
  label,
  value,
  help,
  ...rest
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  help?: string;
  maxLength?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} defaultValue={value ?? ''} aria-describedby={help ? `${name}-help` : undefined} {...rest} />
      {help && (
        <p id={`${name}-help`} className="help">
          {help}
        </p>
      )}
    </div>
  );
}

interface UploadTicket extends SignedUpload {
  imageUrl: string;
}
type UploadState = { state: 'idle' } | { state: 'uploading'; progress: number } | { state: 'added' } | { state: 'failed'; error: string };

/**
 * One image from staff's computer straight to catalog's image store (the web server only asks catalog for the
 * signed upload URL, as the storefront's claim upload does), then added to the product: catalog checks it arrived.
 * Catalog decides what is allowed (its refusal is shown); `accept` only narrows the file picker to the same types.
 */
function ImageUpload({ uploadUrl, limits }: { uploadUrl: string; limits: { contentTypes: string[]; maxBytes: number } }) {
  const [hydrated, setHydrated] = useState(false);
  const [status, setStatus] = useState<UploadState>({ state: 'idle' });
  const revalidator = useRevalidator();
  useEffect(() => setHydrated(true), []);
  const busy = status.state === 'uploading';

  /** The upload route's answer: what was asked for, or catalog's refusal. */
  async function ask<T extends object>(body: Record<string, string>): Promise<T | { error: string }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) form.set(name, value);
    const answer = await fetch(uploadUrl, { method: 'POST', body: form }).catch(() => null);
    return answer
      ? ((await answer.json().catch(() => ({ error: 'The upload failed. Please try again.' }))) as T | { error: string })
      : { error: 'The upload failed. Please try again.' };
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('image') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setStatus({ state: 'failed', error: 'Choose an image first.' });
    setStatus({ state: 'uploading', progress: 0 });
    const ticket = await ask<UploadTicket>({ intent: 'ticket', contentType: file.type, byteSize: String(file.size) });
    if ('error' in ticket) return setStatus({ state: 'failed', error: ticket.error });
    const sent = await putFile(file, ticket, (progress) => setStatus({ state: 'uploading', progress }));
    if (!sent) return setStatus({ state: 'failed', error: 'The image store did not take the file. Please try again.' });
    const added = await ask<{ images: string[] }>({ intent: 'attach', imageUrl: ticket.imageUrl });
    if ('error' in added) return setStatus({ state: 'failed', error: added.error });
    input.value = '';
    setStatus({ state: 'added' });
    await revalidator.revalidate();
  }

  return (
    <form onSubmit={(e) => void upload(e)} className="stacked admin-form" aria-labelledby="upload-image-heading">
      <h3 id="upload-image-heading">Add an image</h3>
      <div className="field">
        <label htmlFor="image-file">Upload an image</label>
        <input
          id="image-file"
          name="image"
          type="file"
          accept={limits.contentTypes.join(',')}
          disabled={!hydrated || busy}
          aria-describedby="image-file-help"
        />
        <p id="image-file-help" className="help">
          {limits.contentTypes.map((t) => t.replace('image/', '').toUpperCase()).join(', ')}, at most {Math.floor(limits.maxBytes / 1024 / 1024)} MB. It is
          added after the product’s other images.
        </p>
      </div>
      {!hydrated && <p className="help">Uploading needs JavaScript; you can still list image URLs in the details below.</p>}
      <button type="submit" disabled={!hydrated || busy}>
        Upload the image
      </button>
      {status.state === 'uploading' && (
        <p role="status">
          <progress max={100} value={status.progress} aria-label="Upload progress" /> Uploading… {status.progress} %
        </p>
      )}
      {status.state === 'added' && (
        <p className="success" role="status">
          The image was uploaded and added to the product.
        </p>
      )}
      <ApiErrorMessage message={status.state === 'failed' ? status.error : null} />
    </form>
  );
}

export default function BackOfficeProductDetails({ loaderData, actionData }: Route.ComponentProps) {
  const { product, studios, imageLimits } = loaderData;
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const formsKey = useFormsKey(Boolean(actionData));
  const message = !actionData && params.get('done') ? done[params.get('done')!] : null;
  const errorFor = (intent: string) => (actionData?.intent === intent ? actionData.error : null);
  const size = product.packageDimensions;
  return (
    <>
      <h1>{product.name}</h1>
      <ProductPages productId={product.id} />
      <p>
        {product.sku} · {productStatusWords(product.status)}
      </p>
      <DoneMessage message={message} />

      <section aria-labelledby="images-heading">
        <h2 id="images-heading">Images</h2>
        {product.images.length > 0 ? (
          <ul className="gallery" data-testid="product-images">
            {product.images.map((url, i) => (
              <li key={url}>
                <img
                  src={url}
                  alt={`${product.name}, image ${i + 1} of ${product.images.length}${i === 0 ? ' (the cover)' : ''}`}
                  style={{ display: 'block', maxWidth: '10rem', maxHeight: '10rem' }}
                />
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-image" />
                  <input type="hidden" name="image" value={url} />
                  <button type="submit" disabled={submitting} aria-label={`Remove image ${i + 1}`}>
                    Remove
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>No image yet.</p>
        )}
        <ApiErrorMessage message={errorFor('remove-image')} />
        <ImageUpload uploadUrl={`/admin/products/${product.id}/image-upload`} limits={imageLimits} />
      </section>

      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <input type="hidden" name="intent" value="details" />
        <TextField name="name" label="Name" value={product.name} maxLength={200} />
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea id="description" name="description" rows={5} defaultValue={product.description} />
        </div>
        <div className="inline-fields">
          <TextField name="series" label="Series" value={product.series} />
          <TextField name="licence" label="Licence" value={product.licence} />
        </div>
        <div className="field">
          <label htmlFor="studioId">Studio</label>
          <select id="studioId" name="studioId" defaultValue={product.studio?.id ?? ''}>
            <option value="">Not known</option>
            {studios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="images">Images (one https URL per line, or an uploaded image’s; the first is the cover)</label>
          {/* Keyed by the list: an image uploaded or removed below redraws it, so saving the details keeps it. */}
          <textarea key={product.images.join('\n')} id="images" name="images" rows={4} spellCheck={false} defaultValue={product.images.join('\n')} />
        </div>
        <fieldset>
          <legend>Spec (before release, a change here is a spec change customers are told about)</legend>
          <div className="inline-fields">
            <TextField name="scale" label="Scale" value={product.scale} help="1/7, 1/4… or Non-scale." />
            <TextField name="material" label="Material" value={product.material} />
          </div>
          <div className="inline-fields">
            <TextField name="weightGrams" label="Package weight (g)" value={product.weightGrams?.toString()} />
            <TextField name="lengthMm" label="Length (mm)" value={size?.lengthMm.toString()} />
            <TextField name="widthMm" label="Width (mm)" value={size?.widthMm.toString()} />
            <TextField name="heightMm" label="Height (mm)" value={size?.heightMm.toString()} />
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="assemblyKind">Assembly</label>
              <select id="assemblyKind" name="assemblyKind" defaultValue={product.assembly.kind}>
                {assemblyKinds.map(([kind, words]) => (
                  <option key={kind} value={kind}>
                    {words}
                  </option>
                ))}
              </select>
            </div>
            <TextField name="assemblyNote" label="Assembly note" value={product.assembly.note} maxLength={500} />
          </div>
          <fieldset>
            <legend>Parts (claims refer to them; clear a name to remove the part)</legend>
            {[...product.parts, ...Array.from({ length: newPartRows }, () => null)].map((part, i) => (
              <div className="inline-fields" key={i}>
                <div className="field">
                  <label htmlFor={`part-${i}`}>Part {i + 1}</label>
                  <input id={`part-${i}`} name="partName" maxLength={120} defaultValue={part?.name ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor={`part-${i}-kind`}>Kind of part {i + 1}</label>
                  <select id={`part-${i}-kind`} name="partCategory" defaultValue={part?.category ?? 'HEAD_SCULPT'}>
                    {partCategories.map((c) => (
                      <option key={c} value={c}>
                        {en.claim.categories[c] ?? c}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
          </fieldset>
        </fieldset>
        <TextField
          name="reason"
          label="Reason for a spec change"
          value=""
          maxLength={500}
          help="Needed when a spec field changes before release: customers are emailed it."
        />
        <ApiErrorMessage message={errorFor('details')} />
        <button type="submit" disabled={submitting}>
          Save the details
        </button>
      </Form>

      <section aria-labelledby="spec-heading">
        <h2 id="spec-heading">Spec changes</h2>
        {product.specChanges.length > 0 ? (
          <ol className="history" data-testid="spec-changes">
            {product.specChanges.map((c) => (
              <li key={c.id}>
                {c.changes.map((f) => `${f.field}: ${f.from ?? '—'} → ${f.to ?? '—'}`).join('; ')}
                {c.description && ` ${c.description}`} (why: {c.reason}) <span className="muted">{formatDateTime(c.changedAt)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>No spec change recorded.</p>
        )}
        <Form key={`form-2-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="record-spec-heading">
          <h3 id="record-spec-heading">Record a spec change</h3>
          <p className="help">For what the fields above do not hold (paint, base, accessories). Only before release.</p>
          <input type="hidden" name="intent" value="spec" />
          <div className="inline-fields">
            <TextField name="specField" label="What changed" value="" help="E.g. paint finish." maxLength={120} />
            <TextField name="specFrom" label="From" value="" />
            <TextField name="specTo" label="To" value="" />
          </div>
          <TextField name="specDescription" label="Description (optional)" value="" />
          <TextField name="specReason" label="Reason (customers are emailed it)" value="" maxLength={500} />
          <ApiErrorMessage message={errorFor('spec')} />
          <button type="submit" disabled={submitting}>
            Record the spec change
          </button>
        </Form>
      </section>
    </>
  );
}
