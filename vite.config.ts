import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One SPA for every screen (/seat, /chair, /secretariat, /gallery, /). The server serves
// dist/client and falls back to index.html for those paths; in dev, vite proxies the
// socket and the REST routes to the server on :3000.
const server = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // A chunk per screen (main.tsx loads routes lazily); the manifest lets
    // scripts/bundle-sizes.ts sum what each route downloads (docs/performance.md).
    manifest: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/socket.io': { target: server, ws: true, changeOrigin: true },
      '/api': { target: server, changeOrigin: true },
      '/healthz': { target: server, changeOrigin: true },
    },
  },
});
