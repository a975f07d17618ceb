// Browser timings for bench/bench.sh (issue 8). Prints figures; never fails the test run.
//
//   node bench/browser.mjs <dist> [--runs 7] [--seed seed.json] [--throttle 4]
//
// Headless Debian Chromium through playwright-core, with the flags of tests/e2e/lib.mjs,
// against <dist> served on 127.0.0.1 by tests/e2e/server.mjs (no compression, no cache:
// every run loads everything afresh, in a new browser context). Times come from
// performance.now() in the page, so they start at navigation and include no DevTools
// round trips:
//
//   first question   navigation -> the first question's input is in the DOM, enabled,
//                    rendered and focusable (checked again afterwards by focusing it)
//   results page     with a fully answered assessment in localStorage (--seed, written by
//                    `cargo bench --bench engine`): navigation -> the Results nav button
//                    is clicked (in the page, as soon as it exists) -> verdict, score and
//                    recommendations are in the DOM; "painted" adds the next frame
//   answer -> score  clicking an option (in the page) until the live risk badge
//                    ([data-testid=live-risk]) shows the new score; "frame" adds the next
//                    animation frame. On an empty and on the fully answered assessment.
//
// Each figure is the median (and min/max) over the runs. With --throttle N the page's CPU is
// slowed N times through the DevTools protocol (Emulation.setCPUThrottlingRate), set before
// navigation, as Lighthouse does to stand in for a slow laptop or phone (it uses 4).
import fs from 'node:fs';
import path from 'node:path';
import { APP_SELECTOR, CHROMIUM, launchBrowser, startServer } from '../tests/e2e/lib.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const dist = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist');
const runs = Number(opt('--runs', 7));
const seedFile = opt('--seed');
const throttle = Number(opt('--throttle', 1));
const seed = seedFile && fs.existsSync(seedFile) ? JSON.parse(fs.readFileSync(seedFile, 'utf8')) : null;

const QUESTION_INPUT = `${APP_SELECTOR} .bd-question input, ${APP_SELECTOR} .bd-question textarea`;

/** Installed before any page script: records the milestones with performance.now(). */
function probe({ appSelector, questionInput, seed, clickResults }) {
  if (seed) {
    for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
  }
  const b = (window.__bench = {});
  const focusable = (el) =>
    !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]');
  const check = () => {
    if (b.app === undefined && document.querySelector(appSelector)) b.app = performance.now();
    if (b.question === undefined) {
      const el = document.querySelector(questionInput);
      if (el && focusable(el)) b.question = performance.now();
    }
    if (clickResults && b.click === undefined) {
      const nav = document.querySelector(`${appSelector} [data-testid="nav-results"]`);
      if (nav) {
        b.click = -1;
        setTimeout(() => {
          b.click = performance.now();
          nav.click();
        }, 0);
      }
    }
    if (b.click > 0 && b.results === undefined) {
      const q = (t) => document.querySelector(`${appSelector} [data-testid="${t}"]`);
      if (q('verdict') && q('score') && q('recommendation')) {
        b.results = performance.now();
        requestAnimationFrame(() => setTimeout(() => (b.resultsPainted = performance.now()), 0));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** In the page: finds two option inputs whose answers give different live risk texts. */
async function findToggle(selector) {
  const live = () => document.querySelector('[data-testid="live-risk"]')?.textContent ?? '';
  const changed = (before, ms) =>
    new Promise((resolve) => {
      const el = document.querySelector('[data-testid="live-risk"]');
      if (!el) return resolve(false);
      const done = (v) => {
        obs.disconnect();
        clearTimeout(timer);
        resolve(v);
      };
      const obs = new MutationObserver(() => live() !== before && done(true));
      obs.observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
      const timer = setTimeout(() => done(live() !== before), ms);
    });
  const inputs = [...document.querySelectorAll(selector)];
  for (const a of inputs) {
    if (!a.isConnected) continue;
    const before = live();
    a.click();
    if (!(await changed(before, 300))) continue;
    const afterA = live();
    // The way back: the same checkbox again, or another radio of the same question.
    const others =
      a.type === 'checkbox' ? [a] : [...document.querySelectorAll(`input[name="${a.name}"]`)].filter((x) => x !== a);
    for (const b of others) {
      b.click();
      if (await changed(afterA, 300)) {
        a.dataset.benchToggle = 'a';
        b.dataset.benchToggle = a === b ? 'a' : 'b';
        return true;
      }
    }
  }
  return false;
}

/** In the page: clicks the toggle pair `n` times, timing click -> live risk updated. */
async function timeToggles(n) {
  const a = document.querySelector('[data-bench-toggle="a"]');
  const b = document.querySelector('[data-bench-toggle="b"]') ?? a;
  const el = document.querySelector('[data-testid="live-risk"]');
  const out = [];
  for (let i = 0; i < n; i++) {
    const input = i % 2 ? b : a;
    const before = el.textContent;
    const sample = await new Promise((resolve) => {
      let t0;
      let t1;
      const obs = new MutationObserver(() => {
        if (t1 === undefined && el.textContent !== before) {
          t1 = performance.now();
          obs.disconnect();
          requestAnimationFrame(() => resolve({ update: t1 - t0, frame: performance.now() - t0 }));
        }
      });
      obs.observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
      setTimeout(() => {
        obs.disconnect();
        resolve(null);
      }, 2000);
      t0 = performance.now();
      input.click();
    });
    if (sample) out.push(sample);
    // Let the frame and any effects (autosave) finish before the next click.
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const f1 = (x) => x.toFixed(1).padStart(7);
const fmt = (xs) =>
  xs.length
    ? `median ${f1(median(xs))} ms   min ${f1(Math.min(...xs))}   p95 ${f1(p95(xs))}   max ${f1(Math.max(...xs))}   (n=${xs.length})`
    : 'unavailable';

async function main() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.log(`browser: ${dist}/index.html not found: unavailable`);
    return;
  }
  const server = await startServer({ root: dist });
  const browser = await launchBrowser();
  const version = browser.version();
  const m = { app: [], question: [], wasm: [], navReady: [], results: [], resultsPainted: [], clickToResults: [] };
  const toggles = { empty: [], full: [] };
  const frames = { empty: [], full: [] };
  const notes = [];

  async function page(seedData, clickResults) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', serviceWorkers: 'block' });
    await context.route((url) => new URL(url.href).origin !== server.origin, (r) => r.abort('blockedbyclient'));
    const p = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.addInitScript(probe, { appSelector: APP_SELECTOR, questionInput: QUESTION_INPUT, seed: seedData, clickResults });
    await p.goto(server.url);
    return { context, p, errors };
  }
  const get = (p, what, timeout = 30_000) =>
    p.waitForFunction((w) => (window.__bench?.[w] > 0 ? window.__bench[w] : undefined), what, { timeout }).then((h) => h.jsonValue());

  for (let i = 0; i < runs; i++) {
    // 1. Fresh assessment: navigation -> first question interactive; answer -> score.
    {
      const { context, p, errors } = await page(null, false);
      try {
        m.app.push(await get(p, 'app'));
        m.question.push(await get(p, 'question'));
        const wasm = await p.evaluate(() =>
          performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd,
        );
        if (wasm) m.wasm.push(wasm);
        // Confirm it really takes focus (outside the timing).
        const first = p.locator(QUESTION_INPUT).first();
        await first.focus();
        if (!(await first.evaluate((el) => document.activeElement === el))) notes.push('first question input did not take focus');
        if (await p.evaluate(findToggle, `${APP_SELECTOR} .bd-question input[type=radio], ${APP_SELECTOR} .bd-question input[type=checkbox]`)) {
          for (const s of await p.evaluate(timeToggles, 10)) {
            toggles.empty.push(s.update);
            frames.empty.push(s.frame);
          }
        } else if (i === 0) notes.push('answer -> score (empty): no option on the first page changes the score');
        if (errors.length && i === 0) notes.push(`page errors: ${errors.join('; ')}`);
      } catch (e) {
        if (i === 0) notes.push(`fresh run failed: ${e.message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
    // 2. Fully answered assessment: navigation -> Results clicked -> results rendered.
    if (seed) {
      const { context, p, errors } = await page(seed, true);
      try {
        const results = await get(p, 'results');
        const click = await get(p, 'click');
        m.navReady.push(click);
        m.results.push(results);
        m.clickToResults.push(results - click);
        m.resultsPainted.push(await get(p, 'resultsPainted'));
        // Back to the first section: answer -> score with every question answered.
        await p.locator(`${APP_SELECTOR} nav .bd-nav-item button`).first().click();
        await p.locator(QUESTION_INPUT).first().waitFor();
        if (await p.evaluate(findToggle, `${APP_SELECTOR} .bd-question input[type=radio], ${APP_SELECTOR} .bd-question input[type=checkbox]`)) {
          for (const s of await p.evaluate(timeToggles, 10)) {
            toggles.full.push(s.update);
            frames.full.push(s.frame);
          }
        } else if (i === 0) notes.push('answer -> score (full): no option on the first page changes the score');
        if (errors.length && i === 0) notes.push(`page errors: ${errors.join('; ')}`);
      } catch (e) {
        if (i === 0) notes.push(`seeded run failed: ${e.message.split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  }
  await browser.close();
  await server.close();

  const throttling = throttle > 1 ? `CPU throttled ${throttle}x (Emulation.setCPUThrottlingRate)` : 'no throttling';
  console.log(`browser: ${runs} runs, headless ${CHROMIUM} ${version}, 127.0.0.1, ${throttling}, new context per run`);
  console.log(`  wasm downloaded (responseEnd)                ${fmt(m.wasm)}`);
  console.log(`  navigation -> app rendered                   ${fmt(m.app)}`);
  console.log(`  navigation -> first question interactive     ${fmt(m.question)}`);
  if (seed) {
    console.log(`  fully answered: navigation -> Results click  ${fmt(m.navReady)}`);
    console.log(`  fully answered: navigation -> results DOM    ${fmt(m.results)}`);
    console.log(`  fully answered: navigation -> results painted ${fmt(m.resultsPainted)}`);
    console.log(`  fully answered: click -> results DOM         ${fmt(m.clickToResults)}`);
  } else {
    console.log('  results page: unavailable (no --seed file)');
  }
  console.log(`  answer -> live score updated (empty)         ${fmt(toggles.empty)}`);
  console.log(`  answer -> next frame (empty)                 ${fmt(frames.empty)}`);
  if (seed) {
    console.log(`  answer -> live score updated (full)          ${fmt(toggles.full)}`);
    console.log(`  answer -> next frame (full)                  ${fmt(frames.full)}`);
  }
  for (const n of new Set(notes)) console.log(`  note: ${n}`);
  const q = median(m.question);
  const a = median([...toggles.empty, ...toggles.full]);
  console.log(
    `browser: targets: first question ${Number.isFinite(q) ? q.toFixed(0) : '?'} ms (target <= 300 ms: ${q <= 300 ? 'met' : 'NOT met'}), ` +
      `answer -> score ${Number.isFinite(a) ? a.toFixed(1) : '?'} ms (target <= 16 ms: ${a <= 16 ? 'met' : 'NOT met'})`,
  );
}

main().catch((e) => {
  console.log(`browser: unavailable (${String(e?.message ?? e).split('\n')[0]})`);
});
