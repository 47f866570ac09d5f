// Nothing runs that we did not write: the Content-Security-Policy of the served and the offline
// page, imported HTML kept out of the DOM, and ?open= asking before it reads from another site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openApp, siteDir, sampleText, screenshot } from './harness.mjs';
import { chooseFiles, enterName, until } from './gestures.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Appends an inline <script> to the page; resolves with the violated directive (or null if the
// script ran) and whether it ran.
async function injectInlineScript(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let directive = null;
    document.addEventListener('securitypolicyviolation', (e) => { directive = e.effectiveDirective; }, { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.appendChild(s);
    setTimeout(() => resolve({ directive, ran: window.__injected === true }), 200);
  }));
}

test('the served page carries a CSP (header and meta), works under it, and blocks inline script', async () => {
  const res = await fetch(env.url);
  const header = res.headers.get('content-security-policy');
  const html = await res.text();
  assert.ok(header, 'CSP header on the page');
  for (const rule of ["script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self' https:", "object-src 'none'", "frame-ancestors 'none'"])
    assert.ok(header.includes(rule), `header has ${rule}: ${header}`);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers in the page');
  const { page, errors, ctx } = await openApp(env);
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.effectiveDirective + ' ' + e.blockedURI)));
  // The app works: the sample is on screen and a name can be typed.
  assert.equal(await page.evaluate(() => window.scholion.documentText()), sampleText);
  await enterName(page, 'Csp Carla');
  const injected = await injectInlineScript(page);
  assert.equal(injected.ran, false, 'an injected inline script did not run');
  assert.equal(injected.directive, 'script-src-elem');
  assert.deepEqual(violations.filter((v) => !v.startsWith('script-src-elem inline')), [], 'the app itself breaks no rule');
  // The only policy messages are about the injected script (one per policy: meta and header),
  // so nothing the app does while it starts is refused either.
  const refused = errors.filter((e) => /Content Security Policy/.test(e));
  assert.ok(refused.length >= 1 && refused.every((e) => /inline script/.test(e)), refused.join('\n'));
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await ctx.close();
});

test('the offline page allows its own inline script and style by hash, and nothing else', async () => {
  const html = fs.readFileSync(path.join(siteDir, 'scholion-offline.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  assert.ok(meta, 'the offline page has a CSP meta');
  assert.match(meta[1], /script-src 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'/);
  assert.match(meta[1], /style-src 'sha256-[A-Za-z0-9+/]{43}='/);
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || '/tmp'), 'scholion-csp-'));
  const copy = path.join(dir, 'Scholion.html');
  fs.copyFileSync(path.join(siteDir, 'scholion-offline.html'), copy);
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(copy).href);
  await page.waitForFunction(() => window.scholion && window.scholion.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.scholion.ready);
  assert.equal(await page.evaluate(() => window.scholion.documentText()), sampleText);
  const injected = await injectInlineScript(page);
  assert.equal(injected.ran, false, 'an injected inline script did not run');
  assert.deepEqual(errors, []);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('imported HTML never reaches the DOM: its scripts and handlers do not run', async () => {
  const { page, errors, ctx } = await openApp(env);
  await enterName(page, 'Html Hana');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const hostile = '<html><body><p>Safe words here.</p>' +
    '<img src="x-pwned.png" onerror="window.__pwned = 1">' +
    '<script>window.__pwned = 2</script><iframe src="x-frame.html"></iframe></body></html>';
  await chooseFiles(page, [['hostile.html', hostile, 'text/html']]);
  await until(page, (s) => s.documents.includes('hostile.html'));
  assert.match(await page.evaluate(() => window.scholion.documentText()), /Safe words here\./);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe').length), 0);
  assert.deepEqual(requests.filter((u) => /x-pwned|x-frame/.test(u)), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('?open= of an address on another site asks first, naming it; declining reads nothing', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const asked = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => { asked.push(d.message()); await d.dismiss(); });
  const foreign = 'https://elsewhere.invalid/exercise.txt';
  await page.goto(env.url + '?open=' + encodeURIComponent(foreign));
  await page.evaluate(() => window.scholion.ready);
  await page.waitForFunction(() => /Nothing was opened/.test(document.getElementById('status').textContent));
  assert.equal(asked.length, 1, 'one question');
  assert.ok(asked[0].includes(foreign), `the question names the address: ${asked[0]}`);
  assert.deepEqual(requests.filter((u) => new URL(u).hostname === 'elsewhere.invalid'), [], 'nothing read from the other site');
  await screenshot(page, 'open-foreign-declined.png');
  // A plain http address of another site is refused outright (the policy reads only https).
  await page.goto(env.url + '?open=' + encodeURIComponent('http://elsewhere.invalid/a.txt'));
  await page.evaluate(() => window.scholion.ready);
  await page.waitForFunction(() => /only https addresses/.test(document.getElementById('status').textContent));
  assert.equal(asked.length, 1, 'no question for an address that cannot be read');
  await ctx.close();
});
