// The start every page benchmark shares: the app open at 1280×800 with a name entered, and the
// sample workspace and text to build the benchmark's own workspace from.
import { openApp } from '../harness.mjs';
import { enterName } from '../gestures.mjs';

export async function benchPage(env) {
  const { page } = await openApp(env, { width: 1280, height: 800 });
  await enterName(page, 'Bench');
  const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const sample = await page.evaluate(() => window.scholion.documentText());
  return { page, template, sample };
}
