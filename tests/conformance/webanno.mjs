// W3C Web Annotation conformance of Scholion's export: validates with ajv (npm) against our
// restatement of the W3C test suite's MUST rules, and optionally against the suite's own schemas.
//
//   node tests/conformance/webanno.mjs --scholion build/native/scholion
//       exports the test fixtures (brat story, with and without --base-iri) and validates them;
//       also checks that broken exports are refused (so the check itself can fail).
//   node tests/conformance/webanno.mjs FILE.jsonld... [--w3c DIR]
//       validates given files; with --w3c DIR (a checkout of w3c/web-annotation-tests) every
//       annotation is also checked against annotations/annotationMusts.test, the collection against
//       collections/collectionMusts.test and the page against collections/pages/pageMusts.test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
// The npm packages live with the browser tests' (tests/e2e/package.json).
const require = createRequire(path.join(repoRoot, 'tests/e2e/package.json'));
const Ajv = require('ajv').default;
const Ajv04 = require('ajv-draft-04').default;
const addFormats = require('ajv-formats').default;

function ourValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(fs.readFileSync(path.join(here, 'webanno-musts.schema.json'), 'utf8'));
  return ajv.compile(schema);
}

function describe(errors) {
  return (errors || []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

// The W3C suite: each *.test lists assertion schemas (draft-04) that $ref definitions/*.json.
function w3cChecks(dir) {
  const ajv = new Ajv04({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  const defs = path.join(dir, 'definitions');
  for (const f of fs.readdirSync(defs)) {
    if (f.endsWith('.json')) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(defs, f), 'utf8')));
  }
  const load = (test) => {
    const t = JSON.parse(fs.readFileSync(path.join(dir, test), 'utf8'));
    return t.assertions.map((a) => {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, a), 'utf8'));
      const id = schema.id || schema.$id || a;
      const validate = ajv.getSchema(id) || ajv.compile(schema);
      return { name: a, schema, validate };
    });
  };
  return {
    annotation: load('annotations/annotationMusts.test'),
    collection: load('collections/collectionMusts.test'),
    page: load('collections/pages/pageMusts.test'),
  };
}

// Returns the problems of one exported document ([] when valid).
function check(doc, ours, w3c) {
  const problems = [];
  if (!ours(doc)) problems.push(`our MUST schema: ${describe(ours.errors)}`);
  if (!w3c) return problems;
  const run = (list, value, what) => {
    for (const a of list) {
      const valid = a.validate(value);
      const expected = a.schema.expectedResult !== 'invalid';
      if (valid !== expected) problems.push(`${what}: ${a.name}: ${a.schema.errorMessage || describe(a.validate.errors)}`);
    }
  };
  run(w3c.collection, doc, 'collection');
  const page = doc.first;
  // A page and its annotations inside a collection share the collection's @context.
  run(w3c.page, { '@context': doc['@context'], ...page }, 'page');
  (page.items || []).forEach((item, i) => run(w3c.annotation, { '@context': doc['@context'], ...item }, `annotation ${i}`));
  return problems;
}

function main() {
  const args = process.argv.slice(2);
  let scholion = null, w3cDir = null;
  const files = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--scholion') scholion = args[++i];
    else if (args[i] === '--w3c') w3cDir = args[++i];
    else files.push(args[i]);
  }
  const ours = ourValidator();
  const w3c = w3cDir ? w3cChecks(w3cDir) : null;
  let failed = 0, checked = 0;
  const report = (name, problems) => {
    ++checked;
    if (problems.length) {
      ++failed;
      console.log(`FAIL ${name}\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`ok   ${name}`);
    }
  };
  if (scholion) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scholion-webanno-'));
    const story = path.join(repoRoot, 'tests/data/formats/brat/story.ann');
    const exports = [
      ['story (urn:sha256 IRIs)', []],
      ['story (--base-iri)', ['--base-iri', 'https://example.org/corpus/']],
      ['story (--all-layers)', ['--all-layers']],
    ];
    for (const [name, extra] of exports) {
      const out = path.join(tmp, `${exports.indexOf(exports.find((e) => e[0] === name))}.jsonld`);
      execFileSync(scholion, ['convert', story, out, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
      const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
      report(name, check(doc, ours, w3c));
      if (name.startsWith('story (urn')) {
        // The check must be able to fail: each of these breaks one MUST rule.
        const broken = {
          'no @context': (d) => delete d['@context'],
          'collection without id': (d) => delete d.id,
          'bare file name as source': (d) => { d.first.items[0].target.source = 'story.txt'; },
          'annotation without target': (d) => delete d.first.items[0].target,
          'body and bodyValue': (d) => { d.first.items[0].bodyValue = 'x'; },
          'quote selector without exact': (d) => { delete d.first.items[0].target.selector[0].exact; },
          'purpose on an External Web Resource': (d) => { d.first.items[0].body.push({ id: 'urn:x:1', purpose: 'linking' }); },
        };
        for (const [what, breakIt] of Object.entries(broken)) {
          const copy = structuredClone(doc);
          breakIt(copy);
          ++checked;
          if (ours(copy)) {
            ++failed;
            console.log(`FAIL the MUST schema accepts an export with ${what}`);
          } else {
            console.log(`ok   refused: ${what}`);
          }
        }
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const f of files) report(f, check(JSON.parse(fs.readFileSync(f, 'utf8')), ours, w3c));
  console.log(`${checked} checked, ${failed} failed`);
  process.exit(failed || checked === 0 ? 1 : 0);
}

main();
