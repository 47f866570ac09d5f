// Relation arcs keep to the bands reserved above the lines: no arc pixel in any text line (tag
// row, text and underlines), long-distance arcs marked at the line edge, at normal and narrow
// widths, on the sample text with spans on every long word and relations at mixed distances.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, screenshot, frames, pixels } from './harness.mjs';
import { enterName, state } from './gestures.mjs';
import { relationWorkspace } from './bench/workspace.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// Arcs of this test are pure green, a colour no span label, text or panel uses.
const ARC = '#00ff00';
const isArc = (r, g, b) => g > 200 && r < 110 && b < 110;

// Arc-coloured pixels in rows [y0, y1) and columns [x0, x1) of the screenshot.
function arcPixels(img, x0, x1, y0, y1) {
  let n = 0;
  for (let y = Math.max(0, Math.ceil(y0)); y < Math.min(img.h, Math.floor(y1)); y++)
    for (let x = Math.max(0, Math.ceil(x0)); x < Math.min(img.w, Math.floor(x1)); x++)
      if (isArc(...img.at(x, y))) n++;
  return n;
}

async function openWithArcs(width, height) {
  const { page, ctx, errors } = await openApp(env, { width, height });
  await enterName(page, 'Arcs');
  const template = JSON.parse(await page.evaluate(() => window.scholion.exportJson()));
  const labels = template.schema.spanLabels.map((l) => l.name);
  template.schema.relationTypes.push({ name: 'arc-test', from: labels, to: labels, symmetric: false, color: ARC });
  const sample = await page.evaluate(() => window.scholion.documentText());
  const ws = relationWorkspace(template, sample, { chars: Array.from(sample).length, spans: 900, relations: 700, type: 'arc-test' });
  const r = await page.evaluate((j) => window.scholion.importJson(j), JSON.stringify(ws));
  assert.ok(r.ok, r.error);
  await page.mouse.move(2, height - 2);  // no hover tooltip over the text
  await frames(page, 4);
  return { page, ctx, errors, ws };
}

// The text lines well inside the view, each from its tag row's top to its underlines' bottom.
function textLines(st) {
  const view = st.textView.rect;
  return st.textView.lines.filter(([top, bottom]) => top > view[1] && bottom < view[3])
    .map(([top, bottom]) => ({ top, bottom }));
}

// Dark (text) pixels in rows [y0, y1) of the view.
function darkPixels(img, view, y0, y1) {
  let n = 0;
  for (let y = Math.ceil(y0); y < Math.floor(y1); y++)
    for (let x = view[0]; x < view[2]; x++) {
      const [r, g, b] = img.at(x, y);
      if (r + g + b < 250) n++;
    }
  return n;
}

for (const [name, width] of [['normal', 1280], ['narrow', 760]]) {
  test(`arcs leave every text line uncovered (${name} width)`, async () => {
    const { page, ctx, errors, ws } = await openWithArcs(width, 800);
    const doc = ws.documents[0];
    const st = await state(page);
    assert.equal(st.relations, doc.relations.length);
    const view = st.textView.rect;
    const img = await pixels(page, fs.readFileSync(await screenshot(page, `arcs-${name}.png`)));
    const lines = textLines(st);
    assert.ok(lines.length >= 5, `text lines on screen: ${lines.length}`);
    // They are the text lines: most hold dark text pixels.
    assert.ok(lines.filter((l) => darkPixels(img, view, l.top, l.bottom) > 30).length > lines.length / 2);
    const arcs = st.textView.arcs;
    assert.ok(arcs.length > 15, `arcs on screen: ${arcs.length}`);
    // The arcs are drawn: many arc pixels on screen, all of them outside the text lines.
    assert.ok(arcPixels(img, view[0], view[2], view[1], view[3]) > 2000, 'arcs are drawn');
    for (const l of lines) {
      assert.equal(arcPixels(img, view[0], view[2], l.top, l.bottom), 0,
        `arc colour in the text line at y ${l.top}..${l.bottom}`);
      // Label pills and arc levels (as laid out) stay out of text lines too.
      for (const a of arcs) {
        assert.ok(a.pill[3] <= l.top || a.pill[1] >= l.bottom, `pill of ${a.id} on a text line`);
        assert.ok(a.y < l.top || a.y > l.bottom, `arc ${a.id} runs through a text line`);
      }
    }
    // Every arc keeps to a bounded height above its line's tags.
    for (const a of arcs) assert.ok(a.foot0 - a.y <= st.textView.maxArcBand, `arc ${a.id} is too tall`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('a long-distance arc is drawn on both of its lines, marked at the line edges', async () => {
  const { page, ctx, errors, ws } = await openWithArcs(1280, 800);
  const doc = ws.documents[0];
  const byId = new Map(doc.spans.map((s) => [s.id, s]));
  // A relation to a span 40 spans on: several lines apart.
  const rel = doc.relations.find((r) => Number(r.to.slice(1)) - Number(r.from.slice(1)) >= 40 &&
    Number(r.from.slice(1)) > 100);
  assert.ok(rel, 'a long-distance relation');
  const from = byId.get(rel.from), to = byId.get(rel.to);
  for (const [span, edgeSide] of [[from, 'right'], [to, 'left']]) {
    // Bring the span into view (spanRect scrolls to it), then read where it and the arc's part are.
    const r = await page.evaluate(([a, b]) => window.scholion.spanRect(a, b), [span.start, span.end]);
    await frames(page, 3);
    const st = await state(page);
    const view = st.textView.rect;
    const parts = st.textView.arcs.filter((a) => a.id === rel.id && a.edge);
    assert.equal(parts.length, 1, `one edge part of ${rel.id} near ${span.id}`);
    const p = parts[0];
    // The part leaves from this span's tag, above its line, and runs to the line's edge.
    assert.ok(p.x0 >= r.x && p.x0 <= r.x + Math.max(r.w, 60), `part starts at ${span.id}`);
    assert.ok(p.y < r.y - 15 && p.foot0 <= r.y - 15, 'part above the tag row');
    assert.ok(p.foot0 - p.y <= st.textView.maxArcBand, 'part within the fixed arc height');
    if (edgeSide === 'right') assert.ok(p.x1 > view[2] - 60, `right edge marker at ${p.x1}`);
    else assert.ok(p.x1 < view[0] + 30, `left edge marker at ${p.x1}`);
    // Its edge leg and its label are on screen: arc pixels along the leg, and the pill on screen.
    const img = await pixels(page, fs.readFileSync(await screenshot(page, `arcs-long-${edgeSide}.png`)));
    const top = Math.min(p.y, p.foot1), bottom = Math.max(p.y, p.foot1);
    assert.ok(bottom - top >= 4, 'an edge leg of some length');
    assert.ok(arcPixels(img, p.x1 - 2, p.x1 + 3, top, bottom + 1) >= (bottom - top) / 2, 'edge leg drawn');
    assert.ok(p.pill[0] >= view[0] && p.pill[2] <= view[2], 'label on screen');
    assert.ok(arcPixels(img, p.pill[0], p.pill[2] + 1, p.pill[1], p.pill[3] + 1) > 10, 'label pill drawn');
    for (const l of textLines(st)) assert.equal(arcPixels(img, view[0], view[2], l.top, l.bottom), 0);
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});
