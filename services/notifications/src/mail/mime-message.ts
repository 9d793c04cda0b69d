import { randomUUID } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';

/** One email as notifications sends it: a text and an HTML version of the same message. */
export interface MimeMessageInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@host>`. */
  messageId: string;
  /** Extra headers (ours are ASCII: ids and kinds). */
  headers: Record<string, string>;
  date?: Date;
}

/**
 * The message as its RFC 5322 / MIME text, CRLF line ends: headers, then a multipart/alternative body with the text
 * part first (the fallback) and the HTML part last (what a mail client prefers), each UTF-8 in quoted-printable.
 * Written by hand because nodemailer's MailComposer built each message through a chain of streams: about 0.5 ms of
 * CPU per message in notifications (this costs a tenth of that), on every email an order or a payment sends.
 * The boundary has `=_` in it, which quoted-printable text can never contain, so no part can end the body early.
 */
export function mimeMessage(input: MimeMessageInput): string {
  const boundary = `=_vitrine_${randomUUID()}`;
  const headers = [
    `From: ${addressHeader(input.from, 'From: '.length)}`,
    `To: ${addressHeader(input.to, 'To: '.length)}`,
    `Subject: ${encodedHeaderValue(input.subject, 'Subject: '.length)}`,
    `Message-ID: ${singleLine(input.messageId)}`,
    `Date: ${rfc5322Date(input.date ?? new Date())}`,
    'MIME-Version: 1.0',
    ...Object.entries(input.headers).map(([name, value]) => `${headerName(name)}: ${encodedHeaderValue(value, name.length + 2)}`),
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(body)}\r\n`;
  return `${headers.join('\r\n')}\r\n\r\n${part('text/plain', input.text)}${part('text/html', input.html)}--${boundary}--\r\n`;
}

/** Quoted-printable (RFC 2045 6.7) of the text's UTF-8 bytes: lines of at most 76 characters, the text's line breaks as CRLF. */
export function quotedPrintable(text: string): string {
  const input = Buffer.from(text.replace(/\r\n?/g, '\n'), 'utf8');
  // Each byte takes at most 3 characters, a soft break 3 per 75, a line break 2.
  const out = Buffer.allocUnsafe(input.length * 5 + 16);
  let o = 0;
  let lineLength = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte === lf) {
      out[o++] = cr;
      out[o++] = lf;
      lineLength = 0;
      continue;
    }
    const endOfLine = i + 1 === input.length || input[i + 1] === lf;
    // Printable ASCII but "=" stands for itself; so do space and tab, except at the end of a line (a transport may strip them there).
    const literal = (byte >= 33 && byte <= 126 && byte !== equals) || ((byte === 32 || byte === 9) && !endOfLine);
    const width = literal ? 1 : 3;
    // A soft break ("=" at the end of a line) keeps every line at 76 characters or fewer, the "=" included.
    if (lineLength + width > 75) {
      out[o++] = equals;
      out[o++] = cr;
      out[o++] = lf;
      lineLength = 0;
    }
    if (literal) out[o++] = byte;
    else {
      out[o++] = equals;
      out[o++] = hexDigits[byte >> 4]!;
      out[o++] = hexDigits[byte & 15]!;
    }
    lineLength += width;
  }
  return out.toString('latin1', 0, o);
}

const cr = 13;
const lf = 10;
const equals = 61;
const hexDigits = Buffer.from('0123456789ABCDEF', 'latin1');

/**
 * A header's value as it may be sent: printable ASCII as it is (folded at its spaces when long), anything else in RFC
 * 2047 encoded words, as is ASCII that holds `=?` (a reader could take it for the start of one).
 */
export function encodedHeaderValue(value: string, nameLength: number): string {
  const clean = singleLine(value);
  if (!printableAscii.test(clean) || clean.includes('=?')) return encodedWords(clean);
  return clean.length + nameLength <= 78 ? clean : foldAtSpaces(clean, nameLength);
}

const printableAscii = /^[\x20-\x7e]*$/;

/** A long ASCII value folded at its spaces (a folded line continues with the space that was there). */
function foldAtSpaces(value: string, nameLength: number): string {
  const words = value.split(' ');
  let out = words[0]!;
  let lineLength = nameLength + out.length;
  for (const word of words.slice(1)) {
    if (lineLength + 1 + word.length > 78) {
      out += `\r\n ${word}`;
      lineLength = 1 + word.length;
    } else {
      out += ` ${word}`;
      lineLength += 1 + word.length;
    }
  }
  return out;
}

/**
 * `=?UTF-8?B?...?=` words of at most 39 bytes of text each (never splitting a character), one per folded line: 64
 * characters each, so a line keeps within 78 after any of our header names.
 */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  for (const char of value) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (chunkBytes + bytes > 39) {
      words.push(chunk);
      chunk = '';
      chunkBytes = 0;
    }
    chunk += char;
    chunkBytes += bytes;
  }
  if (chunk.length > 0 || words.length === 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/**
 * `Name <address>` (or a bare address) as a header: the name as it is when it is plain words, quoted when it has
 * characters an address reads specially (a comma), encoded when it is not ASCII; the address on a line of its own
 * when it would make the name's line too long.
 */
export function addressHeader(value: string, nameLength: number): string {
  const [first] = addressparser(singleLine(value), { flatten: true });
  if (!first?.address) throw new Error(`not an email address: ${JSON.stringify(value.slice(0, 80))}`);
  const address = first.address;
  if (!first.name) return address;
  const name = !printableAscii.test(first.name)
    ? encodedWords(first.name)
    : /[()<>[\]:;@\\,."]/.test(first.name)
      ? `"${first.name.replace(/["\\]/g, '\\$&')}"`
      : first.name;
  const lastLine = name.slice(name.lastIndexOf('\n') + 1);
  const room = name.includes('\n') ? 78 : 78 - nameLength;
  return `${name}${lastLine.length + address.length + 3 > room ? '\r\n ' : ' '}<${address}>`;
}

/** Line breaks in a header value would start a header of the value's choosing: they become spaces. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function headerName(name: string): string {
  if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) throw new Error(`not a header name: ${JSON.stringify(name.slice(0, 80))}`);
  return name;
}

/** `Mon, 07 Dec 2026 21:00:00 +0000`. */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
