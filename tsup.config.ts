import { defineConfig } from 'tsup';

// One entry, two formats. Runtime dependencies stay external so that users'
// bundlers deduplicate them; zod is a peer dependency for the same reason.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
});
