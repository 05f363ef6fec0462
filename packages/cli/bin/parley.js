#!/usr/bin/env node
// Installed entry point: runs the compiled CLI (npm run build). In the repository, use `npm run parley -- …`.
import "../dist/main.js";
