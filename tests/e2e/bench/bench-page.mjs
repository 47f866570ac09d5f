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

// The machine's own noise: the longest of many tiny slices of a busy loop in the page (2 s). On a
// loaded machine the page is descheduled for tens of milliseconds now and then; no frame measure
// taken in the same minutes can be told apart from that.
export function machineNoise(page) {
  return page.evaluate(() => {
    let longest = 0, x = 0;
    const end = performance.now() + 2000;
    while (performance.now() < end) {
      const t0 = performance.now();
      for (let i = 0; i < 20000; i++) x += i;
      longest = Math.max(longest, performance.now() - t0);
    }
    return x > 0 ? longest : 0;
  });
}
