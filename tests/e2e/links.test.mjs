// Links that open in one step: ?open= with several files (a brat pair and its configuration),
// no dialog when nothing would be lost, the name asked once the document is on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, frames, repoRoot, siteDir, screenshot } from './harness.mjs';
import { enterName, labelText, state, until } from './gestures.mjs';

let env;
before(async () => {
  env = await launch();
  const dir = path.join(siteDir, 'e2e-link');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['story.txt', 'story.ann', 'annotation.conf'])
    fs.copyFileSync(path.join(repoRoot, 'tests/data/formats/brat', f), path.join(dir, f));
});
after(async () => { await env?.close(); });

const link = () => env.url + '?open=e2e-link/story.txt&open=e2e-link/story.ann&open=e2e-link/annotation.conf';
const storyText = () => fs.readFileSync(path.join(repoRoot, 'tests/data/formats/brat/story.txt'), 'utf8');

test('a linked brat pair with its annotation.conf opens in one step; then the name is asked', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const prompts = [];
  await page.goto(link());
  await page.evaluate(() => window.scholion.ready);
  for (let i = 0; i < 200; i++) {
    const s = await state(page);
    prompts.push({ prompt: s.namePrompt, story: s.documents.includes('story.txt') || s.documents.includes('story') });
    if (prompts.at(-1).story && s.namePrompt) break;
    await frames(page, 1);
  }
  const st = await state(page);
  assert.equal(await page.evaluate(() => window.scholion.documentText()), storyText());
  assert.equal(st.documents.length, 1, `the story replaced the sample: ${JSON.stringify(st.documents)}`);
  assert.ok(st.spans >= 4, `the .ann's spans are there: ${st.spans}`);
  assert.equal(st.pendingImports, 0, 'no open-as-workspace / merge dialog');
  assert.ok(!prompts.some((p) => p.prompt && !p.story), 'the name prompt never showed before the story');
  assert.equal(st.namePrompt, true, 'the name is asked once the story is on screen');
  await screenshot(page, 'link-brat-pair-name-prompt.png');
  await enterName(page, 'Linked Lena');
  // With work to protect, the same link asks before replacing it.
  await labelText(page, 'kinase', '1');
  await until(page, (s) => !s.dirty);
  await page.goto(link());
  await page.evaluate(() => window.scholion.ready);
  const again = await until(page, (s) => s.pendingImports === 1);
  assert.equal(again.pendingImports, 1, 'the dialog protects the work');
  assert.equal(again.namePrompt, false);
  await ctx.close();
});
