import { describe, expect, it } from 'vitest';
import { isPlainSuccess } from './plain-success.js';

const plain = (text: string) => isPlainSuccess(Buffer.from(text));

describe('isPlainSuccess', () => {
  it('takes data alone, as Apollo Server writes it, trailing newline or not', () => {
    expect(plain('{"data":{"products":[{"id":"p1"}]}}\n')).toBe(true);
    expect(plain('{"data":{"products":[]}}')).toBe(true);
  });

  it('refuses an answer with errors, whether data came with them or not', () => {
    expect(plain('{"errors":[{"message":"no"}],"data":{"order":null}}')).toBe(false);
    expect(plain('{"errors":[{"message":"no"}]}')).toBe(false);
    expect(plain('{"data":{"order":null},"errors":[{"message":"no"}]}')).toBe(false);
  });

  it('refuses extensions, and data that is not an object', () => {
    expect(plain('{"data":{"a":1},"extensions":{"ftv1":"x"}}')).toBe(false);
    expect(plain('{"data":null}')).toBe(false);
    expect(plain('{"data":[1]}')).toBe(false);
  });

  it('reads a field aliased errors or extensions as the data it is', () => {
    expect(plain('{"data":{"errors":[1],"extensions":"x"}}')).toBe(true);
    expect(plain('{"data":{"errors":1},"errors":[{"message":"no"}]}')).toBe(false);
  });

  it('refuses what is not JSON', () => {
    expect(plain('{"data":{"a":')).toBe(false);
    expect(plain('<html>bad gateway</html>')).toBe(false);
    expect(plain('')).toBe(false);
  });
});
