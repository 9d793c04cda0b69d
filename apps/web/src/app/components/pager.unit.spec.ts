import { describe, expect, it } from 'vitest';
import { pageQuery } from './pager.js';

describe('pageQuery', () => {
  const params = new URLSearchParams('status=FAILED&email=ann&after=c1&done=retried&status=SENT');

  it('keeps every filter (repeated ones too) and moves the cursor to the next page, last', () => {
    expect(pageQuery(params, 'after', 'c2')).toBe('status=FAILED&email=ann&done=retried&status=SENT&after=c2');
  });

  it('drops what must not follow the list to another page, such as a done notice', () => {
    expect(pageQuery(params, 'offset', '25', ['done'])).toBe('status=FAILED&email=ann&after=c1&status=SENT&offset=25');
  });

  it('without a place, is the first page: the cursor removed', () => {
    expect(pageQuery(params, 'after', null)).toBe('status=FAILED&email=ann&done=retried&status=SENT');
  });
});
