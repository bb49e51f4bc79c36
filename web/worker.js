// Précis worker: owns the WebAssembly summarizer so the page never blocks on it.
//
// Protocol (messages from the page):   { id, text, options }
// Replies:                             { id, result }  or  { id, error: { code, message } }
// Plus one unsolicited message once loading settles:
//                                      { loaded: true }  or  { loaded: false, error }

import { load } from './precis/precis.mjs';

// Start loading at once. The handler is installed synchronously below, so requests
// that arrive while the module is still loading wait for it instead of being lost.
const ready = load();

function toError(err) {
  return {
    code: typeof err?.code === 'string' ? err.code : 'internal',
    message: err?.message ? String(err.message) : String(err),
  };
}

ready.then(
  () => self.postMessage({ loaded: true }),
  (err) => self.postMessage({ loaded: false, error: toError(err) }),
);

self.addEventListener('message', async ({ data }) => {
  const { id, text, options } = data;
  try {
    const precis = await ready;
    const result = precis.summarize(text, options);
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: toError(err) });
  }
});
