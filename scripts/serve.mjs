#!/usr/bin/env node
// A small static file server for the assembled site (build/site).
//
//   node scripts/serve.mjs [--port N] [--root DIR]      (or PORT=N in the environment)
//
// Binds to 127.0.0.1 only. If the port is busy, the next ones are tried (up to +20);
// port 0 asks the OS for a free one. No dependencies: tests import startServer().

import http from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ROOT = path.join(REPO_ROOT, 'build', 'site');
export const DEFAULT_PORT = 8080;
const PORT_ATTEMPTS = 21; // the requested port and the next 20

// The same policy as the <meta> in web/index.html. Sending it as a header too means
// the worker (whose policy comes from its own response, not from the page) runs
// under it as well.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // precis.d.ts, for people reading the API
};

/** Is `child` the directory `parent` itself or somewhere below it? Both absolute. */
function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Map a request path to a file under `root`, or null if there is none to serve.
 * `root` must already be a real (symlink-free) absolute path.
 */
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  if (decoded.includes('\0')) return null;

  // Resolve relative to root ('.' + '/a/b' keeps a leading '/' from meaning the
  // filesystem root), then make sure the result did not climb out with '..'.
  let file = path.resolve(root, '.' + decoded);
  if (!isInside(root, file)) return null;

  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    // A symlink inside the root could still point outside it: check the real path.
    const real = await realpath(file);
    if (!isInside(root, real)) return null;
    return { file: real, size: info.size };
  } catch {
    return null; // ENOENT, ENOTDIR, EACCES, ...
  }
}

function sendPlain(res, status, message, extraHeaders = {}) {
  const body = message + '\n';
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function createHandler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendPlain(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const { pathname } = new URL(req.url, 'http://localhost');
    const found = await resolveFile(root, pathname);
    if (!found) {
      sendPlain(res, 404, 'Not Found');
      return;
    }
    const type = MIME_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': found.size,
      // A development server: always revalidate, so a rebuild shows up on reload.
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/** Listen on `port`; resolve with the port actually bound, reject on error. */
function listenOnce(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Start serving `root`. Resolves with the http.Server and the base URL
 * (e.g. "http://127.0.0.1:8080/"). If `port` is busy, tries the next 20 ports;
 * port 0 picks a free one.
 */
export async function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = '127.0.0.1' } = {}) {
  let realRoot;
  try {
    realRoot = await realpath(path.resolve(root));
  } catch {
    throw new Error(`Nothing to serve: ${root} does not exist. Run "npm run build" first.`);
  }
  if (!(await stat(realRoot)).isDirectory()) {
    throw new Error(`Nothing to serve: ${root} is not a directory.`);
  }

  const server = http.createServer(createHandler(realRoot));
  const attempts = port === 0 ? 1 : PORT_ATTEMPTS;
  for (let i = 0; i < attempts; i++) {
    try {
      const bound = await listenOnce(server, port + i, host);
      const hostInUrl = host.includes(':') ? `[${host}]` : host; // IPv6 literal
      return { server, url: `http://${hostInUrl}:${bound}/` };
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || i === attempts - 1) throw err;
    }
  }
  throw new Error('unreachable');
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.split(/=(.*)/s, 2); // allow --port=N as well as --port N
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (name === '--port') options.port = value();
    else if (name === '--root') options.root = value();
    else if (name === '--help' || name === '-h') options.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return options;
}

function parsePort(text) {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port: ${text}`);
  }
  return port;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log('usage: node scripts/serve.mjs [--port N] [--root DIR]   (env PORT also works)');
      return;
    }
    options.port = parsePort(options.port ?? process.env.PORT ?? DEFAULT_PORT);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
  try {
    const { url } = await startServer(options);
    console.log(`Précis is running at ${url}`);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
}

// Run as a CLI only when invoked directly, not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
