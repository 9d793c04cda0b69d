import type { Config } from '@react-router/dev/config';

// Server rendering on: listing and product pages arrive as real HTML (shareable, indexable links).
export default {
  appDirectory: 'src/app',
  buildDirectory: 'dist',
  ssr: true,
} satisfies Config;
