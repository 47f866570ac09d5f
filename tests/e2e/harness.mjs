// Shared setup for browser tests: serve the built site, launch Debian's Chromium, open the app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const siteDir = process.env.SCHOLION_SITE || path.join(repoRoot, 'build/web/site');
export const artifactsDir = process.env.SCHOLION_ARTIFACTS || path.join(repoRoot, 'build/e2e');
export const sampleText = fs.readFileSync(
  path.join(repoRoot, 'assets/samples/beijing-declaration-2000.txt'), 'utf8');

// Flags from TOOLCHAIN.md: software WebGL2 through SwiftShader, and no background traffic.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];
// More flags for an experiment, space-separated (e.g. --js-flags=--liftoff-only: no background
// compilation of hot wasm code); never set by the tests.
const EXTRA_ARGS = process.env.SCHOLION_CHROMIUM_ARGS ? process.env.SCHOLION_CHROMIUM_ARGS.split(' ').filter(Boolean) : [];

// Serves `root` (the built site unless given) and starts Chromium.
export async function launch({ root = siteDir } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no built site at ${root}: run ./emsdk-build.sh build first`);
  }
  const { server, url } = await startServer(root, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...EXTRA_ARGS],
    headless: true,
  });
  return {
    url, browser, server,
    async close() { await browser.close(); await stopServer(server); },
  };
}

// Stops a static server now, dropping its kept-alive connections (safe to call twice).
export async function stopServer(server) {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}

// Opens the app in a fresh context and waits for window.scholion.ready; collects page errors.
export async function openApp(env, { width = 1280, height = 800, deviceScaleFactor = 1, context } = {}) {
  const ctx = context || await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.url);
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.scholion.ready);
  return { page, ctx, errors };
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, name);
  await page.screenshot({ path: file });
  return file;
}

// Waits n animation frames so the app has drawn what the last input changed.
export async function frames(page, n = 3) {
  for (let i = 0; i < n; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

// Decodes a PNG in the page (WebGL canvases cannot be read back after presenting): its width,
// height and RGBA bytes, and at(x, y) -> [r, g, b].
export async function pixels(page, pngBuffer) {
  const { w, h, b64 } = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const rgba = new Blob([g.getImageData(0, 0, c.width, c.height).data]);
    const url = await new Promise((r) => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(rgba); });
    return { w: c.width, h: c.height, b64: url.slice(url.indexOf(',') + 1) };
  }, pngBuffer.toString('base64'));
  const data = Buffer.from(b64, 'base64');
  return { w, h, data, at: (x, y) => { const i = (y * w + x) * 4; return [data[i], data[i + 1], data[i + 2]]; } };
}

// Counts distinct colours and the share of dark pixels (text) in a PNG.
export async function imageStats(page, pngBuffer) {
  const { w, h, data: d } = await pixels(page, pngBuffer);
  const seen = new Set();
  let dark = 0;
  for (let i = 0; i < d.length; i += 4) {
    seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    if (d[i] + d[i + 1] + d[i + 2] < 200) dark++;
  }
  return { colours: seen.size, w, h, darkShare: dark / (d.length / 4) };
}
