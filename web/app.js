// Précis page: collects the text and options, sends them to the worker and renders
// what comes back. It never splits, scores or validates text itself (the core owns
// that), and it renders user text only as text nodes, never as HTML.
//
//   presets.js  the options: types × lengths, custom length, format, language; the URL hash
//   render.js   the summary, the original, keywords, figures, the score explanations
//   export.js   copy as text or Markdown, download as .md
//   worker.js   the WebAssembly summarizer, off the main thread
//   sw.js       offline: the site precached, served cache-first

import { LANGUAGES, TYPES, defaultFormat, formatHash, parseHash, pickShown, planFor } from './presets.js';
import {
  Explainer, NO_ARTICLE, OriginalView, explain, hasWarning, renderKeywords, renderMeta, renderStats, renderSummary,
  sentenceText,
} from './render.js';
import { download, fileNameFor, toMarkdown, toPlainText } from './export.js';

const DEBOUNCE_MS = 250; // typing
const LARGE_TEXT = 200_000; // characters: typing into a text this long waits longer
const LARGE_DEBOUNCE_MS = 700;
const BUSY_AFTER_MS = 150; // "Summarizing…" only when it is not instant
// A request still running after this long is abandoned when a newer one comes: the
// worker is replaced rather than left to finish work nobody wants (a big article).
const RESTART_AFTER_MS = 400;
const LOADING_MESSAGE = 'Loading the summarizer…';

const $ = (id) => document.getElementById(id);
const input = $('input');
const fileInput = $('file');
const count = $('count');
const ratio = $('ratio');
const ratioValue = $('ratio-value');
const lang = $('lang');
const button = $('summarize');
const summaryBox = $('summary');
const meta = $('meta');
const keywordList = $('keywords');
const original = $('original');
const stats = $('stats');
const message = $('message');
const busy = $('busy');
const notice = $('notice');
const copyTextButton = $('copy-text');
const copyMarkdownButton = $('copy-markdown');
const downloadButton = $('download');
const radios = (name) => [...document.querySelectorAll(`input[type="radio"][name="${name}"]`)];

const originalView = new OriginalView(original);
const explainer = new Explainer($('explain'));

// body[data-status] tells people and tests where things stand:
//   loading: the summarizer is starting    idle: started, nothing asked yet
//   pending: a summary is being computed   ready: the summary on screen is current
//   error:   the last request failed (the message is shown)
// body[data-warnings] holds the codes of the core's warnings about the text on screen,
// space-separated (e.g. "no_article"); absent when there are none.
function setStatus(status) {
  document.body.dataset.status = status;
}

function setWarnings(warnings) {
  const codes = (warnings ?? []).map((warning) => String(warning?.code ?? '')).filter(Boolean);
  if (codes.length > 0) document.body.dataset.warnings = codes.join(' ');
  else delete document.body.dataset.warnings;
}

/** The status line (a polite live region); `quiet`: for assistive technology only, as its text is shown elsewhere. */
function showMessage(text, { quiet = false } = {}) {
  message.textContent = text;
  message.classList.toggle('visually-hidden', quiet);
}

let noticeTimer = 0;
function notify(text) {
  notice.textContent = text;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => (notice.textContent = ''), 5000);
}

// ---------------------------------------------------------------------------
// Options: the controls, the state behind them and the URL hash (never the text)

let state = parseHash(location.hash);

function languageOption(code) {
  const option = document.createElement('option');
  option.value = code;
  option.textContent = languageName(code);
  return option;
}

function fillLanguages() {
  const options = LANGUAGES.map(languageOption)
    .sort((a, b) => a.textContent.localeCompare(b.textContent, 'en'));
  lang.append(...options);
}

/** Show the state in the controls (on load, and when the hash changes). */
function showState() {
  for (const radio of radios('type')) radio.checked = radio.value === state.type;
  for (const radio of radios('length')) radio.checked = radio.value === state.length;
  for (const radio of radios('measure')) radio.checked = radio.value === state.measure;
  for (const radio of radios('format')) radio.checked = radio.value === state.format;
  if (count.valueAsNumber !== state.sentences) count.value = String(state.sentences);
  ratio.value = String(Math.round(state.ratio * 100));
  showRatio();
  if (![...lang.options].some((option) => option.value === state.lang)) lang.append(languageOption(state.lang));
  lang.value = state.lang;

  const custom = state.type === 'custom';
  $('length-group').hidden = custom || state.type === 'headline';
  $('headline-note').hidden = state.type !== 'headline';
  $('custom-group').hidden = !custom;
  $('count-field').hidden = state.measure !== 'sentences';
  $('ratio-field').hidden = state.measure !== 'ratio';
  const sizes = TYPES[state.type].sentences;
  for (const span of document.querySelectorAll('.count[data-length]')) {
    span.textContent = sizes ? `(${sizes[span.dataset.length]})` : '';
  }
}

/** The state changed through a control: keep the hash in step and summarize again. */
function commit(delay = 0) {
  const hash = formatHash(state);
  if (location.hash.slice(1) !== hash) history.replaceState(null, '', `#${hash}`);
  scheduleSummary(delay);
}

function onRadio(name, handler) {
  for (const radio of radios(name)) {
    radio.addEventListener('change', () => {
      if (radio.checked) handler(radio.value);
    });
  }
}

onRadio('type', (type) => {
  state = { ...state, type, format: defaultFormat(type) };
  showState();
  commit();
});
onRadio('length', (length) => {
  state = { ...state, length };
  commit();
});
onRadio('measure', (measure) => {
  state = { ...state, measure };
  showState();
  commit();
});
onRadio('format', (format) => {
  state = { ...state, format };
  commit();
});
count.addEventListener('input', () => {
  // A half-typed or empty field is left alone: sendRequest asks for a number.
  if (Number.isFinite(count.valueAsNumber)) state = { ...state, sentences: count.valueAsNumber };
  commit(DEBOUNCE_MS);
});
function showRatio() {
  ratioValue.textContent = `${ratio.value}%`;
  ratio.setAttribute('aria-valuetext', `${ratio.value}%`);
}

ratio.addEventListener('input', () => {
  showRatio();
  state = { ...state, ratio: Number(ratio.value) / 100 };
  commit(DEBOUNCE_MS);
});
lang.addEventListener('change', () => {
  state = { ...state, lang: lang.value };
  commit();
});
window.addEventListener('hashchange', () => {
  // Only a hash of options ("a=b&..."): an in-page anchor ("#summary-panel") is not one.
  if (!location.hash.includes('=')) return;
  state = parseHash(location.hash);
  showState();
  scheduleSummary(0);
});

// ---------------------------------------------------------------------------
// The worker and the request protocol
//
// Each request carries an increasing id. `latestId` is bumped as soon as the input
// changes (not when the debounced request is sent), so a response to anything older
// is stale and dropped, even one that was already in flight.

let worker = null;
let latestId = 0;
let debounceTimer = 0;
let busyTimer = 0;
let inFlight = null; // { id, text, plan, sentAt }: the request whose response we are waiting for
// The HTML of the last rich-text paste or .html file: the core reads the page's
// structure from it (headings, captions, navigation, footers). The textarea then shows
// the text the core extracted; editing it goes back to plain text.
let htmlSource = null;
// What is on screen: { text, result, plan, shown, shownSet }
let current = null;

function startWorker() {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  w.addEventListener('message', ({ data }) => {
    if (w === worker) onWorkerMessage(data);
  });
  w.addEventListener('error', (event) => {
    // Fired when the worker script or one of its imports fails to load or throws.
    event.preventDefault();
    if (w !== worker) return;
    fail({ code: 'worker_failed', message: `The summarizer could not start${event.message ? `: ${event.message}` : '.'}` });
  });
  w.addEventListener('messageerror', () => {
    if (w === worker) fail({ code: 'worker_failed', message: 'The summarizer sent a message that could not be read.' });
  });
  worker = w;
}

function onWorkerMessage(data) {
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
  const { text, plan, id } = inFlight;
  inFlight = null;
  hideBusy();
  if (data.error) {
    fail(data.error);
    return;
  }
  try {
    // HTML input: offsets index the text the page shows (`result.text`), which the
    // textarea now displays.
    if (typeof data.result.text === 'string') {
      input.value = data.result.text;
      show(id, data.result.text, data.result, plan);
    } else {
      show(id, text, data.result, plan);
    }
  } catch (err) {
    // A result that does not have the documented shape: say so rather than hide it.
    console.error('Précis: could not render the result', err, data.result);
    fail({ code: 'bad_result', message: `Could not display the result: ${err.message}` });
  }
}

/** Invalidate whatever is in flight and schedule a new request. */
function scheduleSummary(delay = DEBOUNCE_MS) {
  const id = ++latestId;
  clearTimeout(debounceTimer);
  setStatus('pending');
  original.classList.add('stale');
  summaryBox.classList.add('stale');
  debounceTimer = setTimeout(() => sendRequest(id), delay);
}

function sendRequest(id) {
  if (id !== latestId) return;
  if (state.type === 'custom' && state.measure === 'sentences' && !Number.isFinite(count.valueAsNumber)) {
    // The field is empty or half-typed: wait for a number rather than guess one.
    // (Whether the number is acceptable is the core's call, not ours.)
    showMessage('How many sentences? Enter a number.');
    setStatus('idle');
    return;
  }
  const plan = planFor(state);
  const text = htmlSource ?? input.value;
  const options = htmlSource ? { ...plan.options, input: 'html' } : plan.options;
  if (inFlight && performance.now() - inFlight.sentAt > RESTART_AFTER_MS) {
    worker.terminate();
    startWorker();
  }
  inFlight = { id, text, plan, sentAt: performance.now() };
  worker.postMessage({ id, text, options });
  clearTimeout(busyTimer);
  busyTimer = setTimeout(() => {
    busy.textContent = 'Summarizing…';
  }, BUSY_AFTER_MS);
}

function hideBusy() {
  clearTimeout(busyTimer);
  busy.textContent = '';
}

// ---------------------------------------------------------------------------
// Rendering

function setExportable(on) {
  copyTextButton.disabled = !on;
  copyMarkdownButton.disabled = !on;
  downloadButton.disabled = !on;
}

function fail(error) {
  inFlight = null;
  current = null;
  hideBusy();
  const code = error?.code ? ` (${error.code})` : '';
  showMessage(`${error?.message || 'Something went wrong.'}${code}`);
  explainer.hide();
  summaryBox.replaceChildren();
  renderMeta(meta, null);
  setWarnings([]);
  keywordList.replaceChildren();
  originalView.clear();
  stats.replaceChildren();
  setExportable(false);
  original.classList.remove('stale');
  summaryBox.classList.remove('stale');
  setStatus('error');
}

/**
 * Show a result for `text` (the exact string that was summarized): the summary, the
 * keywords and figures at once, then the original with the shown sentences marked,
 * built in slices for a long text (render.js). The sentences' start/end are UTF-16
 * indices into `text`, so plain slicing works.
 */
async function show(id, text, result, plan) {
  // A page without an article (the core's "no_article" warning: a home page, search
  // results, a login wall): no summary, not even a headline, and the page says so.
  const noArticle = hasWarning(result, 'no_article');
  const shown = noArticle ? [] : pickShown(result, plan);
  const shownSet = new Set(shown.filter((index) => index >= 0));
  current = { text, result, plan, shown, shownSet };

  explainer.hide();
  // The headline type shows the title as the summary: not twice.
  renderMeta(meta, result, { withTitle: plan.pick !== 'headline' || noArticle });
  renderSummary(summaryBox, {
    text, result, shown, format: plan.format, headline: plan.pick === 'headline', notice: noArticle ? NO_ARTICLE : '',
  });
  renderKeywords(keywordList, result.keywords);
  renderStats(stats, { result, shown });
  showDetectedLanguage(result.language);
  setExportable(shown.length > 0);
  setWarnings(result.warnings);
  // Shown in place of the summary; announced through #message (a polite live region).
  if (noArticle) showMessage(NO_ARTICLE, { quiet: true });
  else if (text.trim() === '') showMessage('Paste an article to summarize it.');
  else if (shown.length === 0) showMessage('No sentence of body text to choose from.');
  else showMessage('');
  summaryBox.classList.remove('stale');

  const done = await originalView.render(text, result, shownSet);
  if (!done || id !== latestId) return; // a newer request took over
  original.classList.remove('stale');
  setStatus('ready');
}

// Made on first use, not at load: building it costs tens of milliseconds of a cold start.
let languageNames;

/** "en" → "English (en)"; an unknown or missing code is shown as it is. */
function languageName(code) {
  if (!code || code === 'und') return 'undetermined';
  try {
    languageNames ??= typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
    const name = languageNames?.of(code);
    if (name && name !== code) return `${name} (${code})`;
  } catch {
    // not a well-formed language tag: fall through
  }
  return code;
}

/** "Auto-detect (English)": the language found, and that it can be overridden. */
function showDetectedLanguage(code) {
  const auto = lang.querySelector('option[value="auto"]');
  auto.textContent = code && state.lang === 'auto' ? `Auto-detect: ${languageName(code)}` : 'Auto-detect';
}

// ---------------------------------------------------------------------------
// Explanations: hover or focus a sentence (summary or original) to see its score

function sentenceAt(target) {
  const node = target instanceof Element ? target.closest('[data-sentence]') : null;
  return node && (summaryBox.contains(node) || original.contains(node)) ? node : null;
}

function explainNode(node) {
  if (!current || !node) return;
  const index = Number(node.dataset.sentence);
  explainer.show(node, explain(current.result, index, current.shownSet));
}

for (const container of [summaryBox, original]) {
  container.addEventListener('focusin', (event) => explainNode(sentenceAt(event.target)));
  container.addEventListener('focusout', (event) => {
    if (!sentenceAt(event.relatedTarget)) explainer.hide();
  });
  container.addEventListener('mouseover', (event) => {
    const node = sentenceAt(event.target);
    if (node && node !== explainer.anchor) explainNode(node);
  });
  container.addEventListener('mouseout', (event) => {
    if (sentenceAt(event.relatedTarget) === explainer.anchor) return;
    const focused = sentenceAt(document.activeElement);
    if (focused) explainNode(focused);
    else explainer.hideSoon();
  });
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && explainer.anchor) explainer.hide();
});
// Keep the tooltip beside its sentence when the layout moves, and on the side with room
// once a scroll (say, the smooth one to a sentence in the original) has come to rest.
window.addEventListener('resize', () => explainer.reposition());
window.addEventListener('scrollend', () => explainer.reposition());

// In the original, the arrow keys step through every sentence (Tab visits the chosen ones).
original.addEventListener('keydown', (event) => {
  const node = sentenceAt(event.target);
  if (!node) return;
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
  if (!step) return;
  const next = originalView.find(Number(node.dataset.sentence) + step);
  if (!next) return;
  event.preventDefault();
  if (!next.hasAttribute('tabindex')) next.tabIndex = -1;
  next.focus();
});

// A summary sentence, clicked or activated with Enter or Space, is shown in the original.
function revealInOriginal(item) {
  const index = Number(item.dataset.sentence);
  const mark = index >= 0 ? originalView.find(index) : null;
  if (!mark) return;
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'center' });
  mark.classList.add('flash');
  setTimeout(() => mark.classList.remove('flash'), 1200);
}
summaryBox.addEventListener('click', (event) => {
  const item = sentenceAt(event.target);
  if (item) revealInOriginal(item);
});
summaryBox.addEventListener('keydown', (event) => {
  const item = sentenceAt(event.target);
  if (item && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    revealInOriginal(item);
  }
});

// ---------------------------------------------------------------------------
// Copy and download

function exported() {
  const { text, result, plan, shown } = current;
  return {
    title: result.title,
    sentences: shown.map((index) => sentenceText(text, result, index)),
    format: plan.format,
    headline: plan.pick === 'headline',
  };
}

async function copy(kind) {
  if (!current || current.shown.length === 0) return;
  const summary = exported();
  const content = kind === 'markdown' ? toMarkdown(summary) : toPlainText(summary);
  try {
    if (!navigator.clipboard) throw new Error('the clipboard is not available on this page');
    await navigator.clipboard.writeText(content);
    notify(kind === 'markdown' ? 'Copied the summary as Markdown.' : 'Copied the summary.');
  } catch (err) {
    notify(`Could not copy (${err.message}). Select the summary and copy it instead.`);
  }
}

copyTextButton.addEventListener('click', () => copy('text'));
copyMarkdownButton.addEventListener('click', () => copy('markdown'));
downloadButton.addEventListener('click', () => {
  if (!current || current.shown.length === 0) return;
  const name = fileNameFor(current.result.title);
  download(toMarkdown(exported()), name);
  notify(`Saved ${name}.`);
});

// ---------------------------------------------------------------------------
// Input: typing, pasting, the button, dropped or opened files

// A paste, a drop or a cut is one deliberate act: summarize at once. Typing waits for
// a pause (longer in a long text, where each summary costs more).
const DISCRETE_INPUT = new Set(['insertFromPaste', 'insertFromDrop', 'deleteByCut', 'deleteByDrag']);
input.addEventListener('input', (event) => {
  htmlSource = null; // edited by hand: plain text from now on
  if (DISCRETE_INPUT.has(event.inputType)) scheduleSummary(0);
  else scheduleSummary(input.textLength > LARGE_TEXT ? LARGE_DEBOUNCE_MS : DEBOUNCE_MS);
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
button.addEventListener('click', () => scheduleSummary(0));
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    scheduleSummary(0);
  }
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

// ---------------------------------------------------------------------------
// Offline: the service worker (sw.js) precaches the site on the first visit and serves
// it cache-first from then on. An update waits until the reader agrees to reload.

async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' });
  } catch (err) {
    console.warn('Précis: no offline support:', err.message);
    return;
  }
  const banner = $('update');
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) banner.hidden = false;
  };
  offer();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  });
  let reloading = false;
  $('update-reload').addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (!reloading) {
        reloading = true;
        location.reload();
      }
    });
    registration.waiting?.postMessage({ type: 'skip-waiting' });
  });
}

// The skip link moves the focus without touching the hash (which holds the options).
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  const panel = $('summary-panel');
  panel.focus({ preventScroll: true });
  panel.scrollIntoView({ block: 'start' });
});

// ---------------------------------------------------------------------------
// Start

startWorker(); // first: loading the WebAssembly module is the longest part of the start
fillLanguages();
showState();
showMessage(LOADING_MESSAGE);
registerServiceWorker();
// The browser may restore the fields after a reload: summarize what is there.
if (input.value !== '') scheduleSummary(0);
