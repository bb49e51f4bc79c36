// Taking the summary away: as plain text or Markdown, to the clipboard or to a .md file.
// Nothing here touches the network: the file is a Blob behind an object URL.

/** A sentence on one line: line breaks and runs of spaces inside it become one space. */
const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Plain text as the page shows it: one "• " line per sentence (bullets), the sentences
 * run together (a paragraph), or the headline alone.
 */
export function toPlainText({ sentences, format, headline }) {
  const lines = sentences.map(oneLine).filter(Boolean);
  if (headline || format !== 'bullets') return `${lines.join(' ')}\n`;
  return lines.map((line) => `\u2022 ${line}`).join('\n') + '\n';
}

/** Markdown characters that would change a line's meaning at its start. */
function escapeLineStart(line) {
  return line.replace(/^([#>+\-*=|]|\d+[.)])(?=\s|$)/, '\\$1');
}

/**
 * Markdown: "# title" when the article has one, then a "- " bullet per sentence. A
 * headline is the heading alone.
 */
export function toMarkdown({ title, sentences, headline }) {
  const lines = sentences.map(oneLine).filter(Boolean);
  if (headline) return lines.length ? `# ${lines[0]}\n` : '';
  const out = [];
  if (title && oneLine(title)) out.push(`# ${oneLine(title)}`, '');
  for (const line of lines) out.push(`- ${escapeLineStart(line)}`);
  return out.join('\n') + '\n';
}

/** "yermak-rubio-discuss-security-guarantees.md"; "summary.md" without a usable title. */
export function fileNameFor(title) {
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'summary'}.md`;
}

/** Save `text` as a file, through a Blob and a temporary object URL. */
export function download(text, name, type = 'text/markdown;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, not during it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
