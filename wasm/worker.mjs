// Précis in a Web Worker, so long articles never block the page.
//
// On the main thread:
//
//   import { createWorker } from 'precis/worker';
//   const precis = createWorker();                 // spawns this file as a module worker
//   const result = await precis.summarize(text, { sentences: 3 });
//   precis.terminate();
//
// As a module worker script (new Worker(url, { type: 'module' })) this file serves
//
//   request  { id, text, options }        reply { id, result }  or  { id, error: { code, message } }
//   request  { load: { wasmURL } }        reply { loaded: true }  or  { loaded: false, error }
//
// The `load` message is optional: without it the core is loaded, from next to precis.mjs,
// on the first request. createWorker() always sends it first.
import { PrecisError, configure, ready } from './precis.mjs';

const inDedicatedWorker =
  typeof DedicatedWorkerGlobalScope === 'function' && globalThis instanceof DedicatedWorkerGlobalScope;

function toWire(err) {
  return {
    code: typeof err?.code === 'string' ? err.code : 'internal_error',
    message: err?.message ? String(err.message) : String(err),
  };
}

function fromWire(error) {
  return new PrecisError(error?.code ?? 'internal_error', error?.message ?? 'the Précis worker failed');
}

const served = new WeakSet();

/**
 * Answers summarize requests arriving at `scope` (default: this worker). Called on its
 * own when this file is the worker's script; call it yourself from a worker entry of
 * your own if your bundler merged this module into a shared chunk.
 */
export function serve(scope = globalThis) {
  if (served.has(scope)) return;
  served.add(scope);
  scope.addEventListener('message', async (event) => {
    const data = event.data;
    if (data === null || typeof data !== 'object') return;
    if (!('id' in data)) {
      if ('load' in data) {
        configure(data.load ?? {});
        ready().then(
          () => scope.postMessage({ loaded: true }),
          (err) => scope.postMessage({ loaded: false, error: toWire(err) }),
        );
      }
      return;
    }
    const { id, text, options } = data;
    try {
      const precis = await ready();
      scope.postMessage({ id, result: precis.summarize(text, options) });
    } catch (err) {
      scope.postMessage({ id, error: toWire(err) });
    }
  });
}

/** Is this module the worker's own script (not merely imported by another one)? */
function isWorkerScript() {
  try {
    return new URL(import.meta.url).pathname === new URL(globalThis.location.href).pathname;
  } catch {
    return false;
  }
}

if (inDedicatedWorker && isWorkerScript()) serve();

function baseURL() {
  return globalThis.document?.baseURI ?? globalThis.location?.href;
}

/**
 * Spawns this file as a module worker and returns a client for it. Options:
 * `url` (where the worker script is, when a bundler moved it), `wasmURL` (where
 * precis-core.wasm is; relative URLs resolve against the page), `name` (the worker's
 * name in dev tools).
 */
export function createWorker(options = {}) {
  if (typeof Worker !== 'function') {
    throw new PrecisError('unsupported', 'createWorker() needs Web Workers, which this environment lacks');
  }
  if (options === null || typeof options !== 'object') {
    throw new PrecisError('invalid_option', 'createWorker() takes an options object');
  }
  const name = options.name ?? 'precis';
  // Written out in full so bundlers that know the pattern (Vite, webpack 5, Parcel)
  // emit the worker as an asset of its own.
  const worker = options.url
    ? new Worker(options.url, { type: 'module', name })
    : new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module', name });

  const pending = new Map();
  let nextId = 1;
  let closed = null; // the error every call gets once the worker is gone

  let settleReady;
  const readyPromise = new Promise((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  readyPromise.catch(() => {}); // reported through summarize() as well; never unhandled

  function shutDown(err) {
    if (closed) return;
    closed = err;
    worker.terminate();
    for (const { reject } of pending.values()) reject(err);
    pending.clear();
    settleReady.reject(err);
  }

  worker.addEventListener('message', ({ data }) => {
    if (data === null || typeof data !== 'object') return;
    if (!('id' in data)) {
      if ('loaded' in data) {
        if (data.loaded) settleReady.resolve();
        else settleReady.reject(fromWire(data.error));
      }
      return;
    }
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if (data.error) call.reject(fromWire(data.error));
    else call.resolve(data.result);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const detail = event.message ? `: ${event.message}` : ' (its script did not load)';
    shutDown(new PrecisError('internal_error', `the Précis worker failed${detail}`));
  });
  worker.addEventListener('messageerror', () => {
    shutDown(new PrecisError('internal_error', 'a reply of the Précis worker could not be read'));
  });

  const load = {};
  if (options.wasmURL) load.wasmURL = new URL(String(options.wasmURL), baseURL()).href;
  worker.postMessage({ load });

  return {
    ready: readyPromise,
    summarize(text, summarizeOptions) {
      if (closed) return Promise.reject(closed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        try {
          worker.postMessage({ id, text, options: summarizeOptions });
        } catch (err) {
          // DataCloneError: options that are not plain data (functions, DOM nodes).
          reject(new PrecisError('invalid_option', `options must be plain data: ${err.message}`));
          return;
        }
        pending.set(id, { resolve, reject });
      });
    },
    terminate() {
      shutDown(new DOMException('The Précis worker was terminated', 'AbortError'));
    },
  };
}
