export * from './signed-file-uploads.js';
export * from './upload-cors.js';
export * from './upload-store.js';
