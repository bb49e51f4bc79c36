// Shared helpers for the Node test suites: paths, the native CLI, the seed files.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The shared data folder beside the project (override with PRECIS_SHARED).
export const SHARED = process.env.PRECIS_SHARED ?? join(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'build', 'native', 'precis');

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);

/** Runs the native CLI; returns {status, stdout, stderr}. */
export function precis(args, input = '') {
  const r = spawnSync(CLI, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  // EPIPE: the CLI exited (e.g. on bad usage) before reading its input; its status stands.
  if (r.error && r.error.code !== 'EPIPE') throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The seeds with their expectations: [{name, text, expect}]. */
export function seeds() {
  const dir = join(ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expect.json'))
    .map((f) => {
      const expect = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      return { name: expect.file, text: readFileSync(join(dir, expect.file), 'utf8'), expect };
    });
}

/** Checks a summary (array of selected sentence texts, all sentence texts) against a
 *  seed's expectations; returns a list of problems (empty when all hold). */
export function seedProblems(expect, selected, all) {
  const problems = [];
  if (selected.length !== expect.sentences) problems.push(`${selected.length} sentences selected, want ${expect.sentences}`);
  for (const s of expect.must_include) {
    if (!selected.some((t) => t.includes(s))) problems.push(`missing: ${s}`);
  }
  for (const s of expect.must_exclude) {
    const hit = selected.find((t) => t.includes(s));
    if (hit) problems.push(`boilerplate selected: ${hit}`);
  }
  for (const t of all) {
    for (const tok of expect.no_cut_after) {
      if (t.endsWith(' ' + tok) || t === tok) problems.push(`sentence cut after ${tok}: ${t}`);
    }
  }
  return problems;
}

/** Replaces the one field that legitimately differs between runs. */
export function withoutTiming(json) {
  return json.replace(/"milliseconds":[0-9.eE+-]+/, '"milliseconds":0');
}

/** Reads a JSON Lines file. */
export function readJsonl(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
