/** What the API hands a browser to upload one file straight to storage (after-sales' evidence, catalog's images). */
export interface SignedUpload {
  url: string;
  /** Headers the upload must send as they are (they are part of the signature). */
  headers: { name: string; value: string }[];
}

/** PUTs the file to the signed URL, reporting progress (fetch cannot report an upload's progress; XHR can). */
export function putFile(file: File, upload: SignedUpload, onProgress: (percent: number) => void): Promise<boolean> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.url);
    // The browser sets Content-Length from the body itself (scripts may not set it).
    for (const h of upload.headers) if (h.name.toLowerCase() !== 'content-length') xhr.setRequestHeader(h.name, h.value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300);
    xhr.onerror = () => resolve(false);
    xhr.send(file);
  });
}
