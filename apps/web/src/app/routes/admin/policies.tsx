import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime } from '../../lib/format.js';
import { diffDocuments, diffRules } from '../../lib/policy-diff.js';
import { field } from '../../lib/sign-in.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/policies';

const versionsQuery = graphql(`
  query BackOfficePolicyVersions {
    storePolicyVersions {
      version
      policyId
      preset
      note
      publishedAt
    }
  }
`);
const versionQuery = graphql(`
  query BackOfficePolicyVersion($version: Int!) {
    storePolicy(version: $version) {
      version
      policyId
      preset
      note
      publishedAt
      sections {
        title
        rules {
          id
          text
        }
      }
    }
  }
`);
const compareQuery = graphql(`
  query BackOfficeComparePolicies($before: Int!, $after: Int!) {
    before: storePolicy(version: $before) {
      version
      policyId
      document
      sections {
        rules {
          id
          text
        }
      }
    }
    after: storePolicy(version: $after) {
      version
      policyId
      document
      sections {
        rules {
          id
          text
        }
      }
    }
  }
`);
const publishMutation = graphql(`
  mutation BackOfficePublishPolicy($input: PublishStorePolicyInput!) {
    publishStorePolicy(input: $input) {
      version
    }
  }
`);

/** The presets orders publishes from (PublishStorePolicyInput.preset; the API refuses any other name). */
const presets = ['deposit-store', 'statue-store', 'charge-at-ship', 'pay-on-arrival'] as const;
const versionNumber = (value: string | null) => (value && /^\d{1,6}$/.test(value) ? Number(value) : null);

export const meta: Route.MetaFunction = () => [{ title: 'Store policies | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const params = new URL(request.url).searchParams;
  const { storePolicyVersions: versions } = await callApi(context, versionsQuery, {}, staff.accessToken).catch(pageError);
  const shown = versionNumber(params.get('version'));
  const before = versionNumber(params.get('compare'));
  const after = versionNumber(params.get('with'));
  const viewed = shown ? (await callApi(context, versionQuery, { version: shown }, staff.accessToken).catch(pageError)).storePolicy : null;
  let comparison = null;
  if (before && after) {
    const both = await callApi(context, compareQuery, { before, after }, staff.accessToken).catch(pageError);
    comparison = {
      before: { version: both.before.version, policyId: both.before.policyId },
      after: { version: both.after.version, policyId: both.after.policyId },
      fields: diffDocuments(both.before.document, both.after.document),
      rules: diffRules(both.before.sections, both.after.sections),
    };
  }
  const published = versionNumber(params.get('published'));
  return { versions, viewed, comparison, done: published ? `Version ${published} is published: new orders take it, placed orders keep theirs.` : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const form = await request.formData();
  const note = field(form, 'note');
  try {
    const { publishStorePolicy } = await callApi(
      context,
      publishMutation,
      { input: { preset: field(form, 'preset'), ...(note ? { note } : {}) } },
      staff.accessToken,
    );
    return redirect(`/admin/policies?version=${publishStorePolicy.version}&published=${publishStorePolicy.version}`);
  } catch (err) {
    if (err instanceof ApiError) return { error: messageWithProblems(err) };
    throw err;
  }
}

const shownValue = (value: string | undefined) => (value === undefined ? <span className="muted">(none)</span> : <code>{value}</code>);

export default function BackOfficePolicies({ loaderData, actionData }: Route.ComponentProps) {
  const { versions, viewed, comparison } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const [newest, previous] = versions;
  return (
    <>
      <h1>Store policies</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <section aria-labelledby="versions">
        <h2 id="versions">Versions, newest first</h2>
        <table className="data-table">
          <caption className="visually-hidden">Published store policy versions, newest first; the newest is in force</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Policy</th>
              <th scope="col">Published</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>
                  <Link to={`?version=${v.version}`}>Version {v.version}</Link>
                  {v === newest && <span className="badge">In force</span>}
                </td>
                <td>
                  {v.policyId}
                  {v.preset && <span className="muted"> (preset {v.preset})</span>}
                </td>
                <td>{formatDateTime(v.publishedAt)}</td>
                <td>{v.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {versions.length > 1 && (
        <Form method="get" className="filters" aria-label="Compare two versions">
          <div className="field">
            <label htmlFor="compare">Compare version</label>
            <select id="compare" name="compare" defaultValue={comparison?.before.version ?? previous?.version}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="with">with version</label>
            <select id="with" name="with" defaultValue={comparison?.after.version ?? newest?.version}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Compare</button>
        </Form>
      )}

      {comparison && (
        <section aria-labelledby="comparison">
          <h2 id="comparison">
            Version {comparison.before.version} ({comparison.before.policyId}) compared with version {comparison.after.version} ({comparison.after.policyId})
          </h2>
          {comparison.fields.length === 0 ? (
            <p>The two versions have the same rules.</p>
          ) : (
            <>
              <h3>Rules in words that differ</h3>
              <ul className="history">
                {comparison.rules.map((r) => (
                  <li key={r.id}>
                    {r.before === undefined ? 'Added: ' : r.after === undefined ? 'Removed: ' : 'Changed: '}
                    {r.after ?? r.before}
                    {r.before !== undefined && r.after !== undefined && <span className="muted"> (was: {r.before})</span>}
                  </li>
                ))}
              </ul>
              <h3>Rule fields that differ ({comparison.fields.length})</h3>
              <table className="data-table" data-testid="policy-diff">
                <caption className="visually-hidden">Each policy document field that differs</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Version {comparison.before.version}</th>
                    <th scope="col">Version {comparison.after.version}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.fields.map((f) => (
                    <tr key={f.path}>
                      <th scope="row">
                        <code>{f.path}</code>
                      </th>
                      <td>{shownValue(f.before)}</td>
                      <td>{shownValue(f.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}

      {viewed && (
        <section aria-labelledby="viewed">
          <h2 id="viewed">
            Version {viewed.version}: {viewed.policyId}
          </h2>
          <p className="muted">
            Published {formatDateTime(viewed.publishedAt)}
            {viewed.preset && <> from the preset {viewed.preset}</>}
            {viewed.note && <>: {viewed.note}</>}
          </p>
          {viewed.sections.map((s) => (
            <section key={s.title} aria-label={s.title}>
              <h3>{s.title}</h3>
              <ul>
                {s.rules.map((r) => (
                  <li key={r.id}>{r.text}</li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      <Form method="post" className="stacked admin-form" aria-label="Publish a new version">
        <h2>Publish a new version</h2>
        <p className="help">New orders take it at once; orders already placed keep the version they were placed under.</p>
        <div className="field">
          <label htmlFor="preset">From the preset</label>
          <select id="preset" name="preset" defaultValue={newest?.preset ?? presets[0]}>
            {presets.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="note">Note (why; kept with the version)</label>
          <input id="note" name="note" maxLength={500} />
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          Publish
        </button>
      </Form>
    </>
  );
}
