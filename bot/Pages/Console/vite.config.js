import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built into dist/ by the bot project (Assistant.Bot.csproj, target ConsoleBuild) and served by the host at /console/.
// `npm run dev` serves the sources with the API of a host running on http://127.0.0.1:5080.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080' },
  },
})
