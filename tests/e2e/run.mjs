// Runs every tests/e2e/*.test.mjs in file-name order. Each exported async function of a
// test file is one test. Prints one line per test and a closing "N passed, N failed" line;
// exits 1 if any test failed or none ran.
//
//   node tests/e2e/run.mjs                 # all tests
//   node tests/e2e/run.mjs smoke csp       # only files or tests whose name contains a word
//
// E2E_TIMEOUT_MS (default 90000) limits each test. E2E_SUITE=fixture runs *.fixture.mjs
// instead (tests against a fixture build, see tests/third-language.sh).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeSharedBrowser, DIST } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 90_000);

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const suffix = `.${process.env.E2E_SUITE ?? 'test'}.mjs`;
const files = (await fs.readdir(here)).filter((f) => f.endsWith(suffix)).sort();
let passed = 0;
let failed = 0;
const failures = [];
console.log(`e2e: serving ${DIST}`);

for (const file of files) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn !== 'function') continue;
    const id = `${file.slice(0, -suffix.length)} › ${name}`;
    if (filters.length && !filters.some((f) => id.includes(f))) continue;
    const start = Date.now();
    try {
      await withTimeout(Promise.resolve().then(() => fn()), timeoutMs, id);
      passed++;
      console.log(`ok   ${id} (${Date.now() - start} ms)`);
    } catch (err) {
      failed++;
      failures.push(id);
      console.log(`FAIL ${id} (${Date.now() - start} ms)`);
      console.log(String(err?.stack ?? err).replace(/^/gm, '     '));
      if (err?.details) console.log(String(err.details).replace(/^/gm, '     '));
    }
  }
}

await closeSharedBrowser();
if (failures.length) console.log(`\nfailed:\n  ${failures.join('\n  ')}`);
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
if (passed + failed === 0) {
  console.log('e2e: no test ran');
  process.exit(1);
}
process.exit(failed ? 1 : 0);
