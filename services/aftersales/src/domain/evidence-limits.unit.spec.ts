import { describe, expect, it } from 'vitest';
import { checkUpload } from './evidence-limits.js';

describe('evidence upload limits', () => {
  it('takes photos and videos within their size limits', () => {
    expect(checkUpload('image/jpeg', 2_000_000)).toEqual({ ok: true, kind: 'PHOTO' });
    expect(checkUpload('video/mp4', 400 * 1024 * 1024)).toEqual({ ok: true, kind: 'VIDEO' });
  });

  it('refuses other content types, empty and oversized files', () => {
    expect(checkUpload('application/pdf', 10)).toMatchObject({ ok: false, field: 'contentType', reason: 'CONTENT_TYPE_NOT_ALLOWED' });
    expect(checkUpload('image/png', 0)).toMatchObject({ ok: false, field: 'sizeBytes', reason: 'EMPTY' });
    expect(checkUpload('image/png', 15 * 1024 * 1024 + 1)).toMatchObject({ ok: false, field: 'sizeBytes', reason: 'TOO_LARGE' });
  });
});
