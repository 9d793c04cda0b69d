import { useEffect, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import type { Messages } from '../lib/i18n.js';
import { evidenceTypes } from '../lib/claims.js';
import { putFile, type SignedUpload } from '../lib/put-file.js';

type FileState = 'waiting' | 'uploading' | 'uploaded' | 'failed';
interface Upload {
  name: string;
  progress: number;
  state: FileState;
  error?: string;
}
/**
 * Photos and videos of a claim: each file goes straight from the browser to the evidence store (the web server
 * only asks after-sales for its signed upload URL), one after the other, each with its progress bar and state.
 * Then the evidence list is read again; sending the claim has after-sales check every file arrived.
 */
export function EvidenceUpload({ ticketUrl, t }: { ticketUrl: string; t: Messages }) {
  const [hydrated, setHydrated] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const revalidator = useRevalidator();
  useEffect(() => setHydrated(true), []);

  const update = (index: number, change: Partial<Upload>) => setUploads((all) => all.map((u, i) => (i === index ? { ...u, ...change } : u)));

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('files') as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setUploads(files.map((f) => ({ name: f.name, progress: 0, state: 'waiting' })));
    for (const [i, file] of files.entries()) {
      update(i, { state: 'uploading' });
      const body = new FormData();
      body.set('contentType', file.type);
      body.set('sizeBytes', String(file.size));
      const answer = (await fetch(ticketUrl, { method: 'POST', body }).then((r) => r.json())) as SignedUpload | { error: string };
      if ('error' in answer) {
        update(i, { state: 'failed', error: answer.error });
        continue;
      }
      const ok = await putFile(file, answer, (progress) => update(i, { progress }));
      update(i, ok ? { state: 'uploaded', progress: 100 } : { state: 'failed', error: t.claim.uploadFailed });
    }
    input.value = '';
    setBusy(false);
    await revalidator.revalidate();
  }

  return (
    <form onSubmit={(e) => void upload(e)} className="stacked evidence-upload" aria-label={t.claim.addFiles}>
      <div className="field">
        <label htmlFor="files">{t.claim.filesLabel}</label>
        <input id="files" name="files" type="file" multiple accept={evidenceTypes.join(',')} disabled={!hydrated || busy} />
      </div>
      {!hydrated && <p className="help">{t.claim.needsScript}</p>}
      <button type="submit" disabled={!hydrated || busy}>
        {t.claim.upload}
      </button>
      {uploads.length > 0 && (
        <ul className="uploads">
          {uploads.map((u) => (
            <li key={u.name}>
              <span>{u.name}</span> <progress max={100} value={u.progress} aria-label={t.claim.progress(u.name)} />{' '}
              <span role="status" className={u.state === 'failed' ? 'error' : undefined}>
                {t.claim.fileStates[u.state]}
                {u.state === 'uploading' && ` ${u.progress} %`}
                {u.error && `${t.layout.colon}${u.error}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
