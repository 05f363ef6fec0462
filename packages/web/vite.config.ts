// The workbench build: `npm run build -w @parley/web` → packages/web/dist (served by @parley/server).
// The @parley/source condition makes Vite read @parley/core and @parley/formats from their
// TypeScript sources, in the app and in the analysis worker alike.
import react from "@vitejs/plugin-react";
import { defineConfig, defaultClientConditions } from "vite";

const conditions = ["@parley/source", ...defaultClientConditions];

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  resolve: { conditions },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Plot (and d3) load only on the pages that draw time series.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev -w @parley/web` proxies the API to a server started with PARLEY_PORT (default 4600).
    proxy: { "/api": `http://127.0.0.1:${process.env.PARLEY_PORT ?? "4600"}` },
  },
});
