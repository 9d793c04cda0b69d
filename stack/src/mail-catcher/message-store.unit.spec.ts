import { describe, expect, it } from 'vitest';
import { createMessageStore, type NewMessage } from './message-store.js';
import { escapeHtml } from './pages.js';

const message = (subject: string): NewMessage => ({
  receivedAt: new Date('2026-12-01T10:00:00Z'),
  from: 'Vitrine <no-reply@vitrine.local>',
  to: ['ann@example.com'],
  subject,
  text: '',
  attachments: [],
  envelope: { mailFrom: 'no-reply@vitrine.local', rcptTo: ['ann@example.com'] },
});

describe('the message store', () => {
  it('keeps the last `limit` messages, newest first, with ids that are never reused', () => {
    const store = createMessageStore(2);
    const [a, b, c] = ['a', 'b', 'c'].map((s) => store.add(message(s)));
    expect(store.list().map((m) => m.subject)).toEqual(['c', 'b']);
    expect(store.get(a!.id)).toBeUndefined();
    expect(store.get(b!.id)?.subject).toBe('b');
    store.clear();
    expect(store.list()).toEqual([]);
    expect(store.add(message('d')).id).not.toBe(c!.id);
  });

  it('refuses a limit below one', () => {
    expect(() => createMessageStore(0)).toThrow(/at least one/);
  });
});

describe('escapeHtml', () => {
  it('escapes what could open a tag, an entity or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
