import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { useI18n, useWords } from '../../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { policiesWords } from '../../lib/messages/admin/policies.js';
import { diffDocuments, diffRules } from '../../lib/policy-diff.js';
import { refusalFor } from '../../lib/refusal.server.js';
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
  query BackOfficePolicyVersion($version: Int!, $language: RuleLanguage!) {
    storePolicy(version: $version) {
      version
      policyId
      preset
      note
      publishedAt
      sections(language: $language) {
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
  query BackOfficeComparePolicies($before: Int!, $after: Int!, $language: RuleLanguage!) {
    before: storePolicy(version: $before) {
      version
      policyId
      document
      sections(language: $language) {
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
      sections(language: $language) {
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

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'policies');

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const params = new URL(request.url).searchParams;
  const language = ruleLanguage(await requestLocale(request, context));
  const { storePolicyVersions: versions } = await callApi(context, versionsQuery, {}, staff.accessToken).catch(pageError);
  const shown = versionNumber(params.get('version'));
  const before = versionNumber(params.get('compare'));
  const after = versionNumber(params.get('with'));
  const viewed = shown ? (await callApi(context, versionQuery, { version: shown, language }, staff.accessToken).catch(pageError)).storePolicy : null;
  let comparison = null;
  if (before && after) {
    const both = await callApi(context, compareQuery, { before, after, language }, staff.accessToken).catch(pageError);
    comparison = {
      before: { version: both.before.version, policyId: both.before.policyId },
      after: { version: both.after.version, policyId: both.after.policyId },
      fields: diffDocuments(both.before.document, both.after.document),
      rules: diffRules(both.before.sections, both.after.sections),
    };
  }
  const published = versionNumber(params.get('published'));
  return { versions, viewed, comparison, published };
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
    if (err instanceof ApiError) return { error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

const shownValue = (value: string | undefined, none: string) => (value === undefined ? <span className="muted">{none}</span> : <code>{value}</code>);

export default function BackOfficePolicies({ loaderData, actionData }: Route.ComponentProps) {
  const { versions, viewed, comparison, published } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const { dateTime } = useI18n();
  const w = useWords(policiesWords);
  const frame = useWords(backOfficeWords);
  const [newest, previous] = versions;
  return (
    <>
      <h1>{frame.sections.policies.title}</h1>
      <DoneMessage message={actionData || !published ? null : w.published(published)} />
      <section aria-labelledby="versions">
        <h2 id="versions">{w.versions}</h2>
        <table className="data-table">
          <caption className="visually-hidden">{w.versionsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{w.versionHeader}</th>
              <th scope="col">{w.policy}</th>
              <th scope="col">{w.publishedAt}</th>
              <th scope="col">{w.note}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>
                  <Link to={`?version=${v.version}`}>{w.version(v.version)}</Link>
                  {v === newest && <span className="badge">{w.inForce}</span>}
                </td>
                <td>
                  {v.policyId}
                  {v.preset && <span className="muted">{w.preset(v.preset)}</span>}
                </td>
                <td>{dateTime(v.publishedAt)}</td>
                <td>{v.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {versions.length > 1 && (
        <Form method="get" className="filters" aria-label={w.compareForm}>
          <div className="field">
            <label htmlFor="compare">{w.compareVersion}</label>
            <select id="compare" name="compare" defaultValue={comparison?.before.version ?? previous?.version}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="with">{w.withVersion}</label>
            <select id="with" name="with" defaultValue={comparison?.after.version ?? newest?.version}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{w.compare}</button>
        </Form>
      )}

      {comparison && (
        <section aria-labelledby="comparison">
          <h2 id="comparison">{w.compared(comparison.before.version, comparison.before.policyId, comparison.after.version, comparison.after.policyId)}</h2>
          {comparison.fields.length === 0 ? (
            <p>{w.sameRules}</p>
          ) : (
            <>
              <h3>{w.rulesInWords}</h3>
              <ul className="history">
                {comparison.rules.map((r) => (
                  <li key={r.id}>
                    {r.before === undefined ? w.added : r.after === undefined ? w.removed : w.changed}
                    {r.after ?? r.before}
                    {r.before !== undefined && r.after !== undefined && <span className="muted">{w.was(r.before)}</span>}
                  </li>
                ))}
              </ul>
              <h3>{w.fieldsDiffer(comparison.fields.length)}</h3>
              <table className="data-table" data-testid="policy-diff">
                <caption className="visually-hidden">{w.fieldsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w.field}</th>
                    <th scope="col">{w.version(comparison.before.version)}</th>
                    <th scope="col">{w.version(comparison.after.version)}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.fields.map((f) => (
                    <tr key={f.path}>
                      <th scope="row">
                        <code>{f.path}</code>
                      </th>
                      <td>{shownValue(f.before, w.none)}</td>
                      <td>{shownValue(f.after, w.none)}</td>
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
          <h2 id="viewed">{w.viewed(viewed.version, viewed.policyId)}</h2>
          <p className="muted">
            {w.publishedOn(dateTime(viewed.publishedAt))}
            {viewed.preset && w.fromPreset(viewed.preset)}
            {viewed.note && w.withNote(viewed.note)}
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

      <Form method="post" className="stacked admin-form" aria-label={w.publish}>
        <h2>{w.publish}</h2>
        <p className="help">{w.publishHelp}</p>
        <div className="field">
          <label htmlFor="preset">{w.presetField}</label>
          <select id="preset" name="preset" defaultValue={newest?.preset ?? presets[0]}>
            {presets.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="note">{w.noteField}</label>
          <input id="note" name="note" maxLength={500} />
        </div>
        <ApiErrorMessage message={actionData?.error} />
        <button type="submit" disabled={submitting}>
          {w.submit}
        </button>
      </Form>
    </>
  );
}
