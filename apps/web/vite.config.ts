import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are lazy-loaded (src/app/router.tsx); the default splitting then keeps the sign-in page
    // to react, the router and the antd parts it uses. The shared react-dom + antd core chunk is ~560 kB.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
});
