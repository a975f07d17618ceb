// What a Dutch report must not contain (issue 15 item 4): English legal terms, and any text of
// the bank or the UI in its English wording. Used by print.test.mjs on the Dutch PDF's text;
// `node tests/e2e/dutch-terms.mjs <file.pdf>` prints what it finds in any PDF.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST } from './lib.mjs';

/** English legal terms a Dutch report says otherwise (AVG, art. 9 lid 2, FG, AI-verordening, ...). */
export const ENGLISH_TERMS = [
  /(?<!UK )\bGDPR\b/,
  /\bArt\. \d+\(\d/, // "Art. 9(2)": Dutch writes "art. 9 lid 2"
  /\bArticles?\b/,
  /\bDPO\b/,
  /\bAI Act\b/,
  /\bAnnex\b/,
  /\bRecital\b/,
  /\bsupervisory authority\b/i,
  /\bdata subjects?\b/i,
  /\bcontrollers?\b/,
  /\bprocessors?\b/,
  /\bprior consultation\b/i,
];

const norm = (s) => s.replace(/\s+/g, ' ').trim();

function strings(x, out = []) {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) x.forEach((y) => strings(y, out));
  else if (x && typeof x === 'object') Object.values(x).forEach((y) => strings(y, out));
  return out;
}

function languageFile(dist, code) {
  const name = fs.readdirSync(dist).find((f) => f.startsWith(`lang-${code}-`) && f.endsWith('.json'));
  if (!name) throw new Error(`no language file for ${code} in ${dist}`);
  return JSON.parse(fs.readFileSync(path.join(dist, name), 'utf8'));
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English left in a Dutch report's text: `{ terms, labels }`, each a list of what was
 * found with a little context. `userTexts` (typed by the user) are taken out first: they are
 * the user's words, not the tool's.
 */
export function englishInDutch(raw, userTexts = [], dist = DIST) {
  const ui = (f) => [...strings(f.ui), ...strings(f.texts)];
  const en = ui(languageFile(dist, 'en')).map(norm);
  const nl = new Set(ui(languageFile(dist, 'nl')).map(norm));
  let text = norm(raw).replace(/https?:\/\/\S+/g, ' ');
  for (const t of [...userTexts].map(norm).filter(Boolean).sort((a, b) => b.length - a.length)) {
    text = text.split(t).join(' ');
  }
  const context = (re, s) => {
    const m = re.exec(s);
    return m ? s.slice(Math.max(0, m.index - 50), m.index + m[0].length + 50) : null;
  };
  const terms = ENGLISH_TERMS.map((re) => context(re, text)).filter(Boolean);
  // Take out every Dutch text (longest first) so that a Dutch sentence quoting a name is not
  // read as English; then look for texts that exist only in English.
  let rest = text;
  for (const t of [...nl].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length)) {
    if (rest.includes(t)) rest = rest.split(t).join(' | ');
  }
  const labels = [];
  for (const s of new Set(en)) {
    if (nl.has(s) || s.length < 3 || s.includes('{')) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u');
    const c = context(re, rest);
    if (c) labels.push(`${JSON.stringify(s)} in "…${c}…"`);
  }
  return { terms, labels };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1])) && process.argv[2]) {
  const raw = execFileSync('pdftotext', ['-raw', process.argv[2], '-'], { maxBuffer: 64 << 20 }).toString();
  console.log(JSON.stringify(englishInDutch(raw), null, 2));
}
