// The served site as an installable web app: a second visit opens with the server stopped, and a
// newly published version installs in the background and is offered to the user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, siteDir, sampleText, screenshot, stopServer, frames } from './harness.mjs';
import { startServer } from '../../web/serve.mjs';
import { enterName, exported, labelText, until } from './gestures.mjs';

let env;
let scratch;
before(async () => {
  // A copy of the site, so the update test can publish a "new version" without touching the build.
  scratch = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || '/tmp'), 'scholion-pwa-'));
  fs.cpSync(siteDir, scratch, { recursive: true });
  env = await launch({ root: scratch });
});
after(async () => {
  await env?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

async function openReady(page, url) {
  const response = await page.goto(url);
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.scholion.ready);
  return response;
}

// Waits until the service worker controls the page (it claims the page once installed).
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 60000 });
  return page.evaluate(() => new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data.build), { once: true });
    navigator.serviceWorker.controller.postMessage('scholion:build');
  }));
}

test('the site is an installable web app whose second visit opens with the server stopped', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openReady(page, env.url);
  await enterName(page, 'Wifi Wanda');
  await labelText(page, 'Vladimir Putin', '1');
  await until(page, (st) => !st.dirty);
  const made = await exported(page);
  const build = await controlled(page);
  assert.match(build, /^[0-9a-f]{16}$/);
  // Chromium's own verdict on the manifest and the worker: nothing stops installing it, except
  // that test contexts are incognito windows (which never offer installing anything).
  const cdp = await ctx.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.match(manifest.url, /manifest\.webmanifest$/);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

  // The class's Wi-Fi is gone: the static server stops, and nothing answers at its address.
  await stopServer(env.server);
  await assert.rejects(fetch(env.url), 'the server still answers');

  const second = await ctx.newPage();
  const failed = [];
  second.on('requestfailed', (r) => failed.push(r.url()));
  second.on('pageerror', (e) => errors.push(String(e)));
  const response = await openReady(second, env.url);
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  assert.equal(await second.evaluate(() => window.scholion.documentText()), sampleText);
  const restored = await exported(second);
  assert.equal(restored.annotator, 'Wifi Wanda');
  assert.deepEqual(restored.documents[0].spans, made.documents[0].spans);
  await frames(second, 3);
  await screenshot(second, 'offline-second-visit.png');
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a newly published version installs in the background and the page offers to reload into it', async () => {
  // Its own server over the same copy (the first test stopped the other one).
  const { server, url } = await startServer(scratch, 0);
  try {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await openReady(page, url);
    await enterName(page, 'Update Uma');
    await labelText(page, 'Jiang Zemin', '1');
    await until(page, (st) => !st.dirty);
    const made = await exported(page);
    const oldBuild = await controlled(page);
    assert.equal(await page.locator('#scholion-update').count(), 0, 'no update offered on the first visit');

    // Publish: a changed page and a service worker with a new build id.
    const sw = fs.readFileSync(path.join(scratch, 'sw.js'), 'utf8');
    const newBuild = 'feedfacefeedface';
    assert.ok(sw.includes(oldBuild));
    fs.writeFileSync(path.join(scratch, 'sw.js'), sw.replace(oldBuild, newBuild));
    const index = fs.readFileSync(path.join(scratch, 'index.html'), 'utf8');
    fs.writeFileSync(path.join(scratch, 'index.html'), index.replace('<body>', '<body data-published="new">'));

    // The next visit still opens the version it has, finds the new one, and says so.
    await openReady(page, url);
    assert.equal(await page.evaluate(() => document.body.dataset.published || ''), '');
    const bar = page.locator('#scholion-update');
    await bar.waitFor({ state: 'visible', timeout: 60000 });
    assert.match(await bar.innerText(), /new version of Scholion is ready/);
    await screenshot(page, 'update-offered.png');

    // The user accepts: the page reloads into the new version, with the work still there.
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await reloaded;
    await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 60000 });
    await page.evaluate(() => window.scholion.ready);
    assert.equal(await page.evaluate(() => document.body.dataset.published), 'new');
    assert.equal(await controlled(page), newBuild);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`scholion-${newBuild}`]);
    const after = await exported(page);
    assert.equal(after.annotator, 'Update Uma');
    assert.deepEqual(after.documents[0].spans, made.documents[0].spans);
    await ctx.close();
  } finally {
    await stopServer(server);
  }
});
