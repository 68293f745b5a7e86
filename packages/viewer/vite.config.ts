import { defineConfig } from 'vite'

// One entry; every pin type's renderer is its own chunk, loaded only when a page shows that type.
export default defineConfig({
  base: '/assets/',
  build: {
    outDir: process.env.VIEWER_OUT_DIR ?? 'dist',
    assetsDir: '',
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: 'src/main.ts' },
  },
})
