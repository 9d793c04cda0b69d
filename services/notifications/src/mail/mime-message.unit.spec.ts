import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { addressHeader, encodedHeaderValue, mimeMessage, quotedPrintable, type MimeMessageInput } from './mime-message.js';

const message = (over: Partial<MimeMessageInput> = {}): MimeMessageInput => ({
  from: 'Vitrine Figures <shop@vitrine.test>',
  to: 'dan@example.com',
  subject: 'Your deposit is due',
  text: 'Hello Dan,\nyour deposit is due.',
  html: '<p>Hello Dan,</p><p>your deposit is due.</p>',
  messageId: '<m-1@notifications.vitrine>',
  headers: { 'X-Vitrine-Message-Id': 'm-1', 'X-Vitrine-Kind': 'PAYMENT_DUE' },
  date: new Date('2026-12-07T21:00:00Z'),
  ...over,
});

/** Reads quoted-printable back (RFC 2045 6.7), to check the encoder against the rule rather than against a parser alone. */
function decodeQuotedPrintable(encoded: string): string {
  const bytes = encoded
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('quotedPrintable', () => {
  it('keeps printable ASCII, encodes "=" and every byte of other characters, and reads back as the text', () => {
    expect(quotedPrintable('a=b €')).toBe('a=3Db =E2=82=AC');
    const text = 'Dépôt de 30,00 € = acompte.\n.un point en tête\nごめんなさい\n\n' + 'x'.repeat(200);
    expect(decodeQuotedPrintable(quotedPrintable(text))).toBe(text);
  });

  it('encodes a space or tab at the end of a line (a transport may strip it) and keeps one inside', () => {
    expect(quotedPrintable('end \nmid dle\t\nlast\t')).toBe('end=20\r\nmid dle=09\r\nlast=09');
  });

  it('writes CRLF for every line break, whichever the text used', () => {
    expect(quotedPrintable('a\nb\r\nc\rd')).toBe('a\r\nb\r\nc\r\nd');
  });

  it('keeps every line at 76 characters or fewer with soft breaks that never split an encoded byte', () => {
    const text = `${'a'.repeat(74)}€${'b'.repeat(300)}\n${'é'.repeat(100)}`;
    const encoded = quotedPrintable(text);
    const lines = encoded.split('\r\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(76);
    for (const line of lines) expect(line).toMatch(/^([^=]|=[0-9A-F]{2})*=?$/);
    expect(decodeQuotedPrintable(encoded)).toBe(text);
  });
});

describe('header values', () => {
  it('keeps a short ASCII value, folds a long one at its spaces, and encodes one that is not ASCII', () => {
    expect(encodedHeaderValue('Your deposit is due', 9)).toBe('Your deposit is due');
    const long = 'Your order of the Saber Lily 1/7 scale figure, limited edition, is confirmed: thank you';
    const folded = encodedHeaderValue(long, 9);
    expect(folded.split('\r\n ').join(' ')).toBe(long);
    for (const line of `Subject: ${folded}`.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(encodedHeaderValue('Acompte dû', 9)).toBe(`=?UTF-8?B?${Buffer.from('Acompte dû').toString('base64')}?=`);
    // ASCII that could be read as the start of an encoded word is encoded itself.
    expect(encodedHeaderValue('Code =?A?B?C?=', 9)).toBe(`=?UTF-8?B?${Buffer.from('Code =?A?B?C?=').toString('base64')}?=`);
  });

  it('turns line breaks into spaces: a value cannot start a header of its own', () => {
    expect(encodedHeaderValue('Hello\r\nBcc: someone@example.com', 9)).toBe('Hello Bcc: someone@example.com');
  });

  it('keeps a display name of plain words, quotes one with a comma (escaping its quotes), encodes one that is not ASCII', () => {
    expect(addressHeader('dan@example.com', 4)).toBe('dan@example.com');
    expect(addressHeader('Figure Shop <shop@vitrine.test>', 6)).toBe('Figure Shop <shop@vitrine.test>');
    expect(addressHeader('"Figures, \\"Ltd\\"" <shop@vitrine.test>', 6)).toBe('"Figures, \\"Ltd\\"" <shop@vitrine.test>');
    expect(addressHeader('Boutique Étoile <shop@vitrine.test>', 6)).toBe(
      `=?UTF-8?B?${Buffer.from('Boutique Étoile').toString('base64')}?= <shop@vitrine.test>`,
    );
    expect(() => addressHeader('not an address', 4)).toThrow(/not an email address/);
  });

  it('puts the address on a line of its own when the name leaves no room for it', () => {
    const long = addressHeader('Boutique Étoile des Figurines <orders@a-rather-long-domain-name.example>', 6);
    expect(long).toMatch(/\?=\r\n <orders@a-rather-long-domain-name\.example>$/);
    for (const line of `From: ${long}`.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });
});

describe('mimeMessage', () => {
  it('is read back by a mail parser as the message it was given', async () => {
    const text = `Bonjour Zoé,\nvotre acompte de 30,00 € est dû le 12 janvier.\n.\n${'Long line. '.repeat(20)}\nfin  `;
    const html = `<p>Bonjour Zoé,</p>\n<p style="color:red">votre acompte de 30,00&nbsp;€ est dû.</p>${'<span>x</span>'.repeat(30)}`;
    const subject = 'Votre acompte pour « Saber Lily 1/7 » est dû — merci de régler avant le 12 janvier';
    const raw = mimeMessage(message({ from: 'Boutique Étoile <shop@vitrine.test>', to: 'Zoé Martin <zoe@example.com>', subject, text, html }));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
    expect(parsed.from?.value).toEqual([{ name: 'Boutique Étoile', address: 'shop@vitrine.test' }]);
    expect(parsed.to).toMatchObject({ value: [{ name: 'Zoé Martin', address: 'zoe@example.com' }] });
    expect(parsed.messageId).toBe('<m-1@notifications.vitrine>');
    expect(parsed.date?.toISOString()).toBe('2026-12-07T21:00:00.000Z');
    expect(parsed.headers.get('x-vitrine-message-id')).toBe('m-1');
    expect(parsed.headers.get('x-vitrine-kind')).toBe('PAYMENT_DUE');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });

  it('ends every line with CRLF, keeps body lines within 76 characters and header lines within 78', () => {
    const raw = mimeMessage(
      message({
        from: 'Boutique Étoile des Figurines <orders@a-rather-long-domain-name.example>',
        text: 'é'.repeat(500),
        html: `<p>${'word '.repeat(300)}</p>`,
        subject: 'ü'.repeat(100),
      }),
    );
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [head, body] = [raw.slice(0, raw.indexOf('\r\n\r\n')), raw.slice(raw.indexOf('\r\n\r\n') + 4)];
    for (const line of head.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    for (const line of body.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
  });

  it('a body holding the boundary text does not end its part early, and a header value cannot add a header', async () => {
    const raw = mimeMessage(message({ text: '--=_vitrine_ and more\n--\nthe end', subject: 'Hi\r\nBcc: thief@example.com' }));
    const boundary = /boundary="([^"]+)"/.exec(raw)![1]!;
    expect(raw.split(`--${boundary}`)).toHaveLength(4); // before, text part, html part, closing
    const parsed = await simpleParser(raw);
    expect(parsed.text).toBe('--=_vitrine_ and more\n--\nthe end');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Hi Bcc: thief@example.com');
  });

  it('gives each message a boundary of its own', () => {
    const boundaryOf = (raw: string) => /boundary="([^"]+)"/.exec(raw)![1];
    expect(boundaryOf(mimeMessage(message()))).not.toBe(boundaryOf(mimeMessage(message())));
  });
});
