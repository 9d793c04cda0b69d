// The catcher's pages, rendered on the server: every value from a message is escaped here, once.
import type { CaughtMessage } from './message-store.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c]!);
}

// Swedish dates read as ISO (2026-12-01 14:03:22), in this machine's time zone: the reader's, for a local tool.
const timeFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium' });
const shownTime = (date: Date) => timeFormat.format(date);

const style = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem; color: #1d1d1f; }
  h1 { font-size: 1.25rem; } h1 a { color: inherit; text-decoration: none; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e3e3e8; vertical-align: top; }
  tbody tr:hover { background: #f5f5f7; }
  .muted { color: #6e6e73; } .nowrap { white-space: nowrap; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { color: #6e6e73; } dd { margin: 0; }
  iframe { width: 100%; height: 70vh; border: 1px solid #e3e3e8; background: #fff; }
  pre { white-space: pre-wrap; background: #f5f5f7; padding: 1rem; border-radius: 6px; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><h1><a href="/">Vitrine mail catcher</a></h1>
${body}
</body>
</html>
`;
}

export function renderInbox(messages: readonly CaughtMessage[], limit: number): string {
  const rows = messages.map(
    (m) => `<tr>
  <td class="nowrap">${escapeHtml(shownTime(m.receivedAt))}</td>
  <td>${escapeHtml(m.from)}</td>
  <td>${escapeHtml(m.to.join(', '))}</td>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td>
</tr>`,
  );
  const content =
    rows.length === 0
      ? '<p>No email yet. What the store sends (a sign-up brings a welcome email) shows up here.</p>'
      : `<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
  const note = `<p class="muted">The last ${limit} messages, newest first, kept in memory until the stack stops. Nothing is delivered. Reload for new mail; <a href="/api/messages">JSON</a>.</p>`;
  return layout(`Mail (${messages.length})`, `${note}\n${content}`);
}

export function renderMessage(message: CaughtMessage): string {
  const id = encodeURIComponent(message.id);
  const field = (name: string, value: string | undefined) => (value ? `<dt>${name}</dt><dd>${escapeHtml(value)}</dd>` : '');
  const attachments = message.attachments.map((a) => `${a.filename || '(unnamed)'} (${a.contentType}, ${a.size} bytes)`).join(', ');
  const details = [
    field('From', message.from),
    field('To', message.to.join(', ')),
    field('Subject', message.subject || '(no subject)'),
    field('Received', shownTime(message.receivedAt)),
    field('Message-ID', message.messageId),
    field('Envelope', `${message.envelope.mailFrom || '<>'} -> ${message.envelope.rcptTo.join(', ')}`),
    field('Attachments', attachments),
  ].join('');
  // The HTML body comes from its own route, in a sandbox without scripts (and a CSP that says so too).
  const html = message.html
    ? `<h2>HTML</h2>
<p class="muted"><a href="/messages/${id}/html" target="_blank" rel="noopener noreferrer">Open it alone</a></p>
<iframe src="/messages/${id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" title="HTML body"></iframe>`
    : '<p class="muted">No HTML body.</p>';
  const text = message.text ? `<h2>Plain text</h2>\n<pre>${escapeHtml(message.text)}</pre>` : '<p class="muted">No plain-text body.</p>';
  const links = `<p><a href="/">&larr; All mail</a> · <a href="/api/messages/${id}">JSON</a></p>`;
  return layout(message.subject || '(no subject)', `${links}\n<dl>${details}</dl>\n${html}\n${text}`);
}

export function renderNotFound(): string {
  return layout('Not found', '<p>No such message: it may have been among the oldest, which the catcher forgets. <a href="/">All mail</a></p>');
}
