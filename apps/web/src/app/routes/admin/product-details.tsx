import { useEffect, useState, type FormEvent } from 'react';
import { Form, useNavigation, useRevalidator, useSearchParams } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { AssemblyKind, PartCategory, UpdateProductInput } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { useFormsKey } from '../../components/reset-forms.js';
import { ProductPages } from '../../components/product-pages.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { partCategories } from '../../lib/claims.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { productDetailsWords } from '../../lib/messages/admin/product-details.js';
import { imageLines, packageSides, partRows, wholeOrNull } from '../../lib/product-form.js';
import { putFile, type SignedUpload } from '../../lib/put-file.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
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

const assemblyKinds: AssemblyKind[] = ['NONE', 'MAGNETS', 'GLUE', 'MAGNETS_AND_GLUE'];
/** Empty rows under the parts, to add new ones (without JavaScript, a form cannot grow). */
const newPartRows = 2;

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  return [{ title: wordsIn(backOfficeWords, locale).title(wordsIn(productDetailsWords, locale).pageTitle(data?.product.name)) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'catalog:write');
  const { product, studios, productImageLimits } = await callApi(context, detailsQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!product) throw pageError(new ApiError(wordsIn(productDetailsWords, await requestLocale(request, context)).noProduct, 'NOT_FOUND'));
  return { product, studios, imageLimits: productImageLimits };
}

/** The form's fields as the API takes them, or what is not a number. */
function detailsFrom(form: FormData, w: typeof productDetailsWords.en): { input: UpdateProductInput } | { error: string } {
  const weightGrams = wholeOrNull(field(form, 'weightGrams'));
  if (weightGrams === undefined) return { error: w.notWholeWeight };
  const packageDimensions = packageSides(field(form, 'lengthMm'), field(form, 'widthMm'), field(form, 'heightMm'));
  if (packageDimensions === undefined) return { error: w.badPackage };
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
  const w = wordsIn(productDetailsWords, await requestLocale(request, context));
  try {
    if (intent === 'details') {
      const details = detailsFrom(form, w);
      if ('error' in details) return { intent, error: details.error };
      await callApi(context, updateMutation, { id: params.id, input: details.input, reason: field(form, 'reason') || null }, staff.accessToken);
      return backToPage(request, intent);
    }
    if (intent === 'remove-image') {
      await callApi(context, removeImageMutation, { productId: params.id, imageUrl: field(form, 'image') }, staff.accessToken);
      return backToPage(request, intent);
    }
    if (intent === 'spec') {
      const changes = specChangesFrom(form);
      if (changes === null) return { intent, error: w.unnamedChange };
      const input = { changes, description: field(form, 'specDescription') || null, reason: field(form, 'specReason') };
      await callApi(context, specChangeMutation, { id: params.id, input }, staff.accessToken);
      return backToPage(request, intent);
    }
    return { intent, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

/** Rows of the spec change form a change can name, each "what changed, from, to". */
const specChangeRows = [1, 2, 3] as const;

/**
 * The spec change form's filled rows, in order (an empty row is skipped); null when a row gives a "from" or "to"
 * without naming what changed, which the page refuses rather than drop.
 */
function specChangesFrom(form: FormData): { field: string; from: string | null; to: string | null }[] | null {
  const changes: { field: string; from: string | null; to: string | null }[] = [];
  for (const row of specChangeRows) {
    const change = { field: field(form, `specField${row}`), from: field(form, `specFrom${row}`) || null, to: field(form, `specTo${row}`) || null };
    if (!change.field && (change.from || change.to)) return null;
    if (change.field) changes.push(change);
  }
  return changes;
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
  const w = useWords(productDetailsWords).upload;
  useEffect(() => setHydrated(true), []);
  const busy = status.state === 'uploading';

  /** The upload route's answer: what was asked for, or catalog's refusal. */
  async function ask<T extends object>(body: Record<string, string>): Promise<T | { error: string }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) form.set(name, value);
    const answer = await fetch(uploadUrl, { method: 'POST', body: form }).catch(() => null);
    return answer ? ((await answer.json().catch(() => ({ error: w.failed }))) as T | { error: string }) : { error: w.failed };
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('image') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setStatus({ state: 'failed', error: w.chooseFirst });
    setStatus({ state: 'uploading', progress: 0 });
    const ticket = await ask<UploadTicket>({ intent: 'ticket', contentType: file.type, byteSize: String(file.size) });
    if ('error' in ticket) return setStatus({ state: 'failed', error: ticket.error });
    const sent = await putFile(file, ticket, (progress) => setStatus({ state: 'uploading', progress }));
    if (!sent) return setStatus({ state: 'failed', error: w.notTaken });
    const added = await ask<{ images: string[] }>({ intent: 'attach', imageUrl: ticket.imageUrl });
    if ('error' in added) return setStatus({ state: 'failed', error: added.error });
    input.value = '';
    setStatus({ state: 'added' });
    await revalidator.revalidate();
  }

  return (
    <form onSubmit={(e) => void upload(e)} className="stacked admin-form" aria-labelledby="upload-image-heading">
      <h3 id="upload-image-heading">{w.heading}</h3>
      <div className="field">
        <label htmlFor="image-file">{w.field}</label>
        <input
          id="image-file"
          name="image"
          type="file"
          accept={limits.contentTypes.join(',')}
          disabled={!hydrated || busy}
          aria-describedby="image-file-help"
        />
        <p id="image-file-help" className="help">
          {w.help(limits.contentTypes.map((t) => t.replace('image/', '').toUpperCase()).join(', '), Math.floor(limits.maxBytes / 1024 / 1024))}
        </p>
      </div>
      {!hydrated && <p className="help">{w.needsScript}</p>}
      <button type="submit" disabled={!hydrated || busy}>
        {w.submit}
      </button>
      {status.state === 'uploading' && (
        <p role="status">
          <progress max={100} value={status.progress} aria-label={w.progress} /> {w.uploading(status.progress)}
        </p>
      )}
      {status.state === 'added' && (
        <p className="success" role="status">
          {w.added}
        </p>
      )}
      <ApiErrorMessage message={status.state === 'failed' ? status.error : null} />
    </form>
  );
}

export default function BackOfficeProductDetails({ loaderData, actionData }: Route.ComponentProps) {
  const { product, studios, imageLimits } = loaderData;
  const { t, dateTime } = useI18n();
  const w = useWords(productDetailsWords);
  const done: Record<string, string> = w.done;
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
        {product.sku} · {t.productStatus[product.status] ?? product.status}
      </p>
      <DoneMessage message={message} />

      <section aria-labelledby="images-heading">
        <h2 id="images-heading">{w.images}</h2>
        {product.images.length > 0 ? (
          <ul className="gallery" data-testid="product-images">
            {product.images.map((url, i) => (
              <li key={url}>
                <img
                  src={url}
                  alt={w.imageAlt(product.name, i + 1, product.images.length)}
                  style={{ display: 'block', maxWidth: '10rem', maxHeight: '10rem' }}
                />
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-image" />
                  <input type="hidden" name="image" value={url} />
                  <button type="submit" disabled={submitting} aria-label={w.removeImage(i + 1)}>
                    {w.remove}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{w.noImage}</p>
        )}
        <ApiErrorMessage message={errorFor('remove-image')} />
        <ImageUpload uploadUrl={`/admin/products/${product.id}/image-upload`} limits={imageLimits} />
      </section>

      <Form key={`form-1-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="details-heading">
        <h2 id="details-heading">{w.details}</h2>
        <input type="hidden" name="intent" value="details" />
        <TextField name="name" label={w.name} value={product.name} maxLength={200} />
        <div className="field">
          <label htmlFor="description">{w.description}</label>
          <textarea id="description" name="description" rows={5} defaultValue={product.description} />
        </div>
        <div className="inline-fields">
          <TextField name="series" label={w.series} value={product.series} />
          <TextField name="licence" label={w.licence} value={product.licence} />
        </div>
        <div className="field">
          <label htmlFor="studioId">{w.studio}</label>
          <select id="studioId" name="studioId" defaultValue={product.studio?.id ?? ''}>
            <option value="">{w.notKnown}</option>
            {studios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="images">{w.imageUrls}</label>
          {/* Keyed by the list: an image uploaded or removed below redraws it, so saving the details keeps it. */}
          <textarea key={product.images.join('\n')} id="images" name="images" rows={4} spellCheck={false} defaultValue={product.images.join('\n')} />
        </div>
        <fieldset>
          <legend>{w.spec}</legend>
          <div className="inline-fields">
            <TextField name="scale" label={w.scale} value={product.scale} help={w.scaleHelp} />
            <TextField name="material" label={w.material} value={product.material} />
          </div>
          <div className="inline-fields">
            <TextField name="weightGrams" label={w.weight} value={product.weightGrams?.toString()} />
            <TextField name="lengthMm" label={w.length} value={size?.lengthMm.toString()} />
            <TextField name="widthMm" label={w.width} value={size?.widthMm.toString()} />
            <TextField name="heightMm" label={w.height} value={size?.heightMm.toString()} />
          </div>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor="assemblyKind">{w.assembly}</label>
              <select id="assemblyKind" name="assemblyKind" defaultValue={product.assembly.kind}>
                {assemblyKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {w.assemblyKinds[kind]}
                  </option>
                ))}
              </select>
            </div>
            <TextField name="assemblyNote" label={w.assemblyNote} value={product.assembly.note} maxLength={500} />
          </div>
          <fieldset>
            <legend>{w.parts}</legend>
            {[...product.parts, ...Array.from({ length: newPartRows }, () => null)].map((part, i) => (
              <div className="inline-fields" key={i}>
                <div className="field">
                  <label htmlFor={`part-${i}`}>{w.part(i + 1)}</label>
                  <input id={`part-${i}`} name="partName" maxLength={120} defaultValue={part?.name ?? ''} />
                </div>
                <div className="field">
                  <label htmlFor={`part-${i}-kind`}>{w.partKind(i + 1)}</label>
                  <select id={`part-${i}-kind`} name="partCategory" defaultValue={part?.category ?? 'HEAD_SCULPT'}>
                    {partCategories.map((c) => (
                      <option key={c} value={c}>
                        {t.claim.categories[c] ?? c}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
          </fieldset>
        </fieldset>
        <TextField name="reason" label={w.reason} value="" maxLength={500} help={w.reasonHelp} />
        <ApiErrorMessage message={errorFor('details')} />
        <button type="submit" disabled={submitting}>
          {w.save}
        </button>
      </Form>

      <section aria-labelledby="spec-heading">
        <h2 id="spec-heading">{w.specChanges}</h2>
        {product.specChanges.length > 0 ? (
          <ol className="history" data-testid="spec-changes">
            {product.specChanges.map((c) => (
              <li key={c.id}>
                {c.changes.map((f) => w.change(f.field, f.from ?? null, f.to ?? null)).join(w.changesSeparator)}
                {c.description && ` ${c.description}`}
                {w.why(c.reason)}
                <span className="muted">{dateTime(c.changedAt)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{w.noSpecChange}</p>
        )}
        <Form key={`form-2-${formsKey}`} method="post" className="stacked admin-form" aria-labelledby="record-spec-heading">
          <h3 id="record-spec-heading">{w.recordSpec}</h3>
          <p className="help">{w.recordSpecHelp}</p>
          <input type="hidden" name="intent" value="spec" />
          {specChangeRows.map((row) => (
            <fieldset key={row} className="inline-fields">
              <legend>{w.changeRow(row)}</legend>
              <TextField name={`specField${row}`} label={w.whatChanged} value="" help={row === 1 ? w.whatChangedHelp : undefined} maxLength={120} />
              <TextField name={`specFrom${row}`} label={w.from} value="" />
              <TextField name={`specTo${row}`} label={w.to} value="" />
            </fieldset>
          ))}
          <TextField name="specDescription" label={w.specDescription} value="" />
          <TextField name="specReason" label={w.specReason} value="" maxLength={500} />
          <ApiErrorMessage message={errorFor('spec')} />
          <button type="submit" disabled={submitting}>
            {w.recordSpecSubmit}
          </button>
        </Form>
      </section>
    </>
  );
}
