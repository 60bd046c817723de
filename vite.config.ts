import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is served from app://custodian/ in Electron and from a local server in the browser tests;
// relative asset URLs work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
