// The app builds, opens the sample story in headless Chromium, and draws it on a WebGL2 canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import fs from 'node:fs';
import { launch, openApp, screenshot, sampleText, frames, imageStats } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the page opens the sample story, byte for byte, with no console error', async () => {
  const { page, ctx, errors } = await openApp(env);
  const text = await page.evaluate(() => window.scholion.documentText());
  assert.equal(text, sampleText);
  assert.match(await page.evaluate(() => window.scholion.version), /^\d+\.\d+\.\d+/);
  await frames(page, 5);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the canvas is drawn (not blank) and the screenshot is saved', async () => {
  const { page, ctx } = await openApp(env);
  await frames(page, 5);
  const file = await screenshot(page, 'app-loads.png');
  // A blank canvas compresses to almost nothing; drawn text does not. Count distinct colours too.
  const png = fs.readFileSync(file);
  assert.ok(png.length > 20000, `screenshot suspiciously small (${png.length} bytes)`);
  const stats = await imageStats(page, png);
  assert.ok(stats.colours > 20, `canvas looks blank: ${stats.colours} colours`);
  assert.equal(stats.w, 1280);
  assert.ok(stats.darkShare > 0.002, `almost no dark (text) pixels: ${stats.darkShare}`);
  await ctx.close();
});

test('the canvas follows the window size and the device pixel ratio', async () => {
  const { page, ctx } = await openApp(env, { width: 900, height: 700, deviceScaleFactor: 2 });
  await frames(page, 5);
  let size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [1800, 1400]);
  await page.setViewportSize({ width: 700, height: 600 });
  await frames(page, 8);
  size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [1400, 1200]);
  await screenshot(page, 'app-hidpi-resized.png');
  await ctx.close();
});

test('everything the page downloads fits the 1.5 MB gzip budget', async () => {
  const { siteDir } = await import('./harness.mjs');
  let total = 0;
  for (const f of ['index.html', 'scholion.css', 'scholion.js', 'scholion.wasm']) {
    total += zlib.gzipSync(fs.readFileSync(`${siteDir}/${f}`), { level: 9 }).length;
  }
  assert.ok(total < 1.5 * 1024 * 1024, `gzip total ${total} bytes`);
});

test('the page marks its startup phases, in order, for the startup benchmark', async () => {
  const { page, ctx } = await openApp(env);
  const { phases, wasm } = await page.evaluate(() => window.scholionStartup());
  const order = ['script', 'compile', 'instantiate', 'runtime', 'gl', 'shaders', 'fonts', 'app', 'ui1', 'frame1', 'ready'];
  assert.deepEqual(order.filter((p) => !(p in phases)), [], `missing phases in ${JSON.stringify(phases)}`);
  for (let i = 1; i < order.length; i++) assert.ok(phases[order[i - 1]] <= phases[order[i]], `${order[i - 1]} after ${order[i]}`);
  assert.ok(wasm && wasm.decodedBodySize > 1e6, 'the wasm download is in the resource timing');
  assert.ok(wasm.end <= phases.compile);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.ok(order.every((p) => marks.includes(`scholion:${p}`)));
  await ctx.close();
});
