// Embedding Précis in a page, bundled by esbuild (see build.mjs): the module, the
// <precis-summary> element, the Worker helper and the Summarizer facade.
import { wasmURL } from './setup.js'; // first: tells the module where the .wasm went
import { summarize } from 'precis';
import 'precis/element';
import { createWorker } from 'precis/worker';
import { Summarizer } from 'precis/summarizer';

const story = document.getElementById('story');

/** Runs one demo; its outcome lands in <body data-NAME="ready|error"> for the test. */
async function demo(name, run) {
  try {
    await run();
    document.body.dataset[name] = 'ready';
  } catch (err) {
    document.getElementById('message').textContent = `${name}: ${err.code ?? err.name}: ${err.message}`;
    document.body.dataset[name] = 'error';
  }
}

// 1. The module: the two best sentences and the key phrases.
demo('summary', async () => {
  const result = await summarize(story.innerText, { sentences: 2 });
  const items = result.summary.map((i) => {
    const li = document.createElement('li');
    li.textContent = result.sentences[i].text;
    return li;
  });
  document.getElementById('summary').replaceChildren(...items);
  document.getElementById('keywords').textContent = result.keywords.slice(0, 5).map((k) => k.text).join(', ');
});

// 2. The Worker helper: the best sentence, computed off the main thread.
demo('worker', async () => {
  const worker = createWorker({ url: new URL('./worker.mjs', import.meta.url), wasmURL });
  try {
    const result = await worker.summarize(story.innerText, { sentences: 1 });
    document.getElementById('worker-summary').textContent = result.sentences[result.summary[0]].text;
  } finally {
    worker.terminate();
  }
});

// 3. The Summarizer facade, as Chrome's built-in API would be used.
demo('headline', async () => {
  const summarizer = await Summarizer.create({ type: 'headline', format: 'plain-text' });
  document.getElementById('headline').textContent = await summarizer.summarize(story.innerText);
  summarizer.destroy();
});

// 4. The element summarizes on its own; mirror its state for the test.
const element = document.getElementById('story-summary');
element.addEventListener('precis-summary', () => {
  document.body.dataset.element = 'ready';
});
element.addEventListener('precis-error', () => {
  document.body.dataset.element = 'error';
});
