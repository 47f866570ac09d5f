// A small static server for the built site (127.0.0.1 only): used by `emsdk-build.sh serve` and the tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

// Pages are served with the policy their own <meta> carries (web/index.html), read from the page
// so the two never differ, plus what only a header can say: no framing by other sites.
function pagePolicy(html) {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  return m ? m[1] + "; frame-ancestors 'none'" : null;
}

// The file's gzip twin (FILE.gz, written by the build) when the client takes gzip and the twin
// is at least as new as the file; else null.
function gzipTwin(file, stat, acceptEncoding) {
  if (!/\bgzip\b/.test(acceptEncoding || '')) return null;
  try {
    const gz = fs.statSync(file + '.gz');
    return gz.isFile() && gz.mtimeMs >= stat.mtimeMs ? { file: file + '.gz', stat: gz } : null;
  } catch { return null; }
}

export function startServer(root, port = 0, host = '127.0.0.1') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep) && file !== base) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: ' + rel); return; }
      const twin = gzipTwin(file, stat, req.headers['accept-encoding']);
      const body = twin || { file, stat };
      // Browsers revalidate each visit (no-cache) and get 304 while the file is unchanged, so the
      // cached copy, and the compiled wasm the browser keeps with it, are used again.
      const etag = `"${body.stat.size.toString(16)}-${Math.floor(body.stat.mtimeMs).toString(16)}${twin ? '-gz' : ''}"`;
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        'etag': etag,
        'last-modified': stat.mtime.toUTCString(),
        'vary': 'accept-encoding',
        'access-control-allow-origin': '*',
      };
      if (twin) headers['content-encoding'] = 'gzip';
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
      fs.readFile(body.file, (readErr, data) => {
        if (readErr) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: ' + rel); return; }
        if (path.extname(file) === '.html') {
          const policy = pagePolicy((twin ? zlib.gunzipSync(data) : data).toString('utf8'));
          if (policy) headers['content-security-policy'] = policy;
        }
        headers['content-length'] = data.length;
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : data);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = process.argv[2] || '.';
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  startServer(root, port).then(({ url }) => {
    console.log(`Scholion is served at ${url}  (Ctrl+C to stop)`);
  }).catch((e) => { console.error(`Cannot serve on port ${port}: ${e.message}`); process.exit(1); });
}
