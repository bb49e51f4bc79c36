// Précis page: collects the text and options, sends them to the worker and renders
// what comes back. It never splits, scores or validates text itself (the core owns
// that), and it renders user text only as text nodes, never as HTML.

const DEBOUNCE_MS = 250;
const LOADING_MESSAGE = 'Loading the summarizer…';

const $ = (id) => document.getElementById(id);
const input = $('input');
const fileInput = $('file');
const count = $('count');
const button = $('summarize');
const summaryList = $('summary');
const original = $('original');
const stats = $('stats');
const message = $('message');

// body[data-status] tells people and tests where things stand:
//   loading: the summarizer is starting    idle: started, nothing asked yet
//   pending: a summary is being computed   ready: the summary on screen is current
//   error:   the last request failed (the message is shown)
function setStatus(status) {
  document.body.dataset.status = status;
}

function showMessage(text) {
  message.textContent = text;
  message.hidden = text === '';
}

// ---------------------------------------------------------------------------
// The worker and the request protocol
//
// Each request carries an increasing id. `latestId` is bumped as soon as the input
// changes (not when the debounced request is sent), so a response to anything older
// is stale and dropped, even one that was already in flight.

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let latestId = 0;
let debounceTimer = 0;
let inFlight = null; // { id, text }: the request whose response we are waiting for
// The HTML of the last rich-text paste or .html file: the core reads the page's
// structure from it (headings, captions, navigation, footers). The textarea then shows
// the text the core extracted; editing it goes back to plain text.
let htmlSource = null;

worker.addEventListener('message', ({ data }) => {
  if (data.loaded !== undefined) {
    // The worker's one-off report on loading the WebAssembly module.
    if (data.loaded) {
      if (message.textContent === LOADING_MESSAGE) showMessage('');
      if (document.body.dataset.status === 'loading') setStatus('idle');
    } else {
      fail(data.error);
    }
    return;
  }
  if (!inFlight || data.id !== inFlight.id || data.id !== latestId) return; // stale
  const { text } = inFlight;
  inFlight = null;
  if (data.error) {
    fail(data.error);
    return;
  }
  try {
    // HTML input: offsets index the text the page shows (`result.text`), which the
    // textarea now displays.
    if (typeof data.result.text === 'string') {
      input.value = data.result.text;
      render(data.result.text, data.result);
      return;
    }
    render(text, data.result);
  } catch (err) {
    // A result that does not have the documented shape: say so rather than hide it.
    console.error('Précis: could not render the result', err, data.result);
    fail({ code: 'bad_result', message: `Could not display the result: ${err.message}` });
  }
});

worker.addEventListener('error', (event) => {
  // Fired when the worker script or one of its imports fails to load or throws.
  event.preventDefault();
  fail({ code: 'worker_failed', message: `The summarizer could not start${event.message ? `: ${event.message}` : '.'}` });
});

worker.addEventListener('messageerror', () => {
  fail({ code: 'worker_failed', message: 'The summarizer sent a message that could not be read.' });
});

/** Invalidate whatever is in flight and schedule a new request. */
function scheduleSummary(delay = DEBOUNCE_MS) {
  const id = ++latestId;
  clearTimeout(debounceTimer);
  setStatus('pending');
  original.classList.add('stale');
  summaryList.classList.add('stale');
  debounceTimer = setTimeout(() => sendRequest(id), delay);
}

function sendRequest(id) {
  if (id !== latestId) return;
  const sentences = count.valueAsNumber;
  if (!Number.isFinite(sentences)) {
    // The field is empty or half-typed: wait for a number rather than guess one.
    // (Whether the number is acceptable is the core's call, not ours.)
    showMessage('How many sentences? Enter a number.');
    setStatus('idle');
    return;
  }
  const text = htmlSource ?? input.value;
  inFlight = { id, text };
  worker.postMessage({ id, text, options: htmlSource ? { sentences, input: 'html' } : { sentences } });
}

// ---------------------------------------------------------------------------
// Rendering

function fail(error) {
  inFlight = null;
  const code = error?.code ? ` (${error.code})` : '';
  showMessage(`${error?.message || 'Something went wrong.'}${code}`);
  summaryList.replaceChildren();
  original.replaceChildren();
  stats.textContent = '';
  original.classList.remove('stale');
  summaryList.classList.remove('stale');
  setStatus('error');
}

/**
 * Render a result for `text` (the exact string that was summarized): the selected
 * sentences as a list, and the whole text with those sentences marked. The
 * sentences' start/end are UTF-16 indices into `text`, so plain slicing works.
 */
function render(text, result) {
  const { sentences, summary } = result;

  const items = summary.map((index) => {
    const li = document.createElement('li');
    li.textContent = sentences[index].text;
    li.dataset.sentence = String(index);
    return li;
  });
  summaryList.replaceChildren(...items);

  // The original as alternating plain-text and <mark> runs. `summary` is in
  // document order, so one left-to-right pass is enough.
  const runs = document.createDocumentFragment();
  let cursor = 0;
  for (const index of summary) {
    const { start, end, score } = sentences[index];
    if (start > cursor) runs.append(text.slice(cursor, start));
    const mark = document.createElement('mark');
    mark.id = `sentence-${index}`;
    mark.title = `Sentence ${index + 1}, score ${formatNumber(score, 3)}`;
    mark.textContent = text.slice(start, end);
    runs.append(mark);
    cursor = Math.max(cursor, end);
  }
  if (cursor < text.length) runs.append(text.slice(cursor));
  original.replaceChildren(runs);

  const s = result.stats;
  stats.textContent = [
    languageName(result.language),
    `${s.sentences} ${s.sentences === 1 ? 'sentence' : 'sentences'}`,
    `${s.words} ${s.words === 1 ? 'word' : 'words'}`,
    `${formatNumber(s.milliseconds, 1)} ms`,
  ].join(' · ');

  showMessage(summary.length === 0 && text.trim() === '' ? 'Paste an article to summarize it.' : '');
  original.classList.remove('stale');
  summaryList.classList.remove('stale');
  setStatus('ready');
}

function formatNumber(value, digits) {
  return typeof value === 'number' ? value.toFixed(digits) : '–';
}

const languageNames = typeof Intl.DisplayNames === 'function'
  ? new Intl.DisplayNames([navigator.language || 'en'], { type: 'language' })
  : null;

/** "en" → "English (en)"; an unknown or missing code is shown as it is. */
function languageName(code) {
  if (!code) return 'language unknown';
  try {
    const name = languageNames?.of(code);
    if (name && name !== code) return `${name} (${code})`;
  } catch {
    // not a well-formed language tag: fall through
  }
  return code;
}

// ---------------------------------------------------------------------------
// Input: typing, the count, the button, dropped or opened .txt files

input.addEventListener('input', () => {
  htmlSource = null; // edited by hand: plain text from now on
  scheduleSummary();
});
// Rich text from the clipboard (a copied web page) carries its HTML: summarize that,
// so that the page's structure is known. The HTML is only ever parsed by the core,
// never inserted into this page.
input.addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html');
  if (!html) return; // plain text: the default paste and the input event handle it
  event.preventDefault();
  htmlSource = html;
  input.value = event.clipboardData.getData('text/plain');
  scheduleSummary(0);
});
count.addEventListener('input', () => scheduleSummary());
button.addEventListener('click', () => scheduleSummary(0));
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    scheduleSummary(0);
  }
});

// Clicking a summary item scrolls its sentence in the original into view.
summaryList.addEventListener('click', (event) => {
  const li = event.target.closest('li[data-sentence]');
  const mark = li && document.getElementById(`sentence-${li.dataset.sentence}`);
  if (!mark) return;
  mark.scrollIntoView({ behavior: 'smooth', block: 'center' });
  mark.classList.add('flash');
  setTimeout(() => mark.classList.remove('flash'), 1200);
});

function isHtmlFile(file) {
  return file.type === 'text/html' || /\.x?html?$/i.test(file.name);
}

function isTextFile(file) {
  return file.type.startsWith('text/') || /\.(txt|md|markdown)$/i.test(file.name);
}

async function loadFile(file) {
  if (!isTextFile(file) && !isHtmlFile(file)) {
    fail({ code: 'unsupported_file', message: `“${file.name}” is not a .txt, .md or .html file.` });
    return;
  }
  const content = await file.text();
  htmlSource = isHtmlFile(file) ? content : null;
  input.value = htmlSource ? '' : content;
  scheduleSummary(0);
}

fileInput.addEventListener('change', () => {
  const [file] = fileInput.files;
  if (file) loadFile(file);
  fileInput.value = ''; // opening the same file again should fire `change` again
});

// Accept a file dropped anywhere on the page (a drop that misses the textarea
// would otherwise make the browser navigate to the file).
let dragDepth = 0; // dragenter/dragleave fire for every child element crossed
const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');

document.addEventListener('dragenter', (event) => {
  if (!carriesFiles(event)) return;
  dragDepth++;
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!carriesFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) document.body.classList.remove('dragging');
});
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const [file] = event.dataTransfer.files;
  if (file) loadFile(file);
});

showMessage(LOADING_MESSAGE);
// The browser may restore the fields after a reload: summarize what is there.
if (input.value !== '') scheduleSummary(0);
