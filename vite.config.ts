import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';

// Vite loads its config by default export, hence the exception to the named-exports rule.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // TipTap, ProseMirror and Yjs are one ~800 kB bundle, loaded once over the intranet and cached.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // In development the API, moderation and sync channels live on the Node server.
    proxy: {
      '/api': { target: server },
      '/socket.io': { target: server, ws: true },
      '/yjs': { target: server, ws: true },
    },
  },
});
