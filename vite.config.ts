import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';

// Libraries in chunks of their own, named for what they are: an app update leaves them cached,
// and each is fetched only by the routes that use it (see `node scripts/routeSizes.js`).
// Earlier groups win a module that two would capture (React, which the editor also imports).
const vendorChunks = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'vendor-editor',
    test: /node_modules[\\/](@tiptap|prosemirror-|yjs|y-|lib0|@y[\\/]|linkifyjs|orderedmap|rope-sequence|w3c-keyname)/,
  },
  { name: 'vendor-socket', test: /node_modules[\\/](socket\.io-|engine\.io-|@socket\.io)/ },
  { name: 'vendor-dnd', test: /node_modules[\\/]@dnd-kit[\\/]/ },
].map((group, index, all) => ({ ...group, priority: all.length - index }));

// Vite loads its config by default export, hence the exception to the named-exports rule.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // TipTap, ProseMirror and Yjs are one ~800 kB bundle, loaded once over the intranet and cached.
    chunkSizeWarningLimit: 1024,
    // dist/client/.vite/manifest.json: which chunks each route loads, for scripts/routeSizes.js.
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
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
