import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API `pnpm dev` starts beside this server: on `PORT` (default 3000), as the API reads it.
const api = process.env.CONNECTORS_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const proxy = { '/api': { target: api, changeOrigin: false }, '/healthz': { target: api } };

/** The editor: a single-page app built to `dist/`, served by the API (or proxied to it in development). */
export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
