import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the supergraph the gateway serves (composed by its build).
// - The storefront's own operations (src/app): each document carries its SHA-256 (`__meta__.hash`), and
//   persisted-documents.json is the gateway's trusted-documents manifest for client `web`
//   (scripts/trusted-documents.mjs checks and copies it to dist/ at build).
// - The browser spec's setup operations (staff creating a product...): typed too, but never in the manifest.
const config = {
  enumsAsTypes: true,
  useTypeImports: true,
  importExtension: '.js',
  skipTypename: true,
  scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>', _Any: 'Record<string, unknown>' },
  defaultScalarType: 'unknown',
};

export default {
  schema: '../../gateway/supergraph.graphql',
  generates: {
    'src/__generated__/app/': {
      documents: ['src/app/**/*.{ts,tsx}', '!src/__generated__/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      config,
    },
    'src/__generated__/test/': {
      documents: ['src/test-support/**/*.ts', '!src/__generated__/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config,
    },
  },
  ignoreNoDocuments: true,
  errorsOnly: true,
  noSilentErrors: true,
} satisfies CodegenConfig;
