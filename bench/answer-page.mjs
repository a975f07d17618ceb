// What bench/answer-profile.mjs and bench/cpu-profile.mjs share (issue 14): one headless
// Chromium page (CPU throttled through CDP when asked) with the archive-door assessment imported
// and the necessity step open (several single-choice questions, all answered), and the
// in-page loop that changes one answer `n` times, marking `c<i>` before each click and `f<i>`
// in the next frame.
import path from 'node:path';
import { APP_SELECTOR, ROOT, launchBrowser, startServer } from '../tests/e2e/lib.mjs';

/** `[dist, throttle]` from `[dist] [--throttle N]` and whatever else `args` holds. */
export function distAndThrottle(args) {
  const dist = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist');
  const throttle = Number(args.includes('--throttle') ? args[args.indexOf('--throttle') + 1] : 1) || 1;
  return [dist, throttle];
}

/** The page, ready to answer: `{ browser, page, cdp, close }`. */
export async function answerPage(dist, throttle) {
  const $ = (s) => `${APP_SELECTOR} ${s}`;
  const server = await startServer({ root: dist });
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${server.url}?lang=en`);
    await page.locator($('[data-testid="nav-assessments"]')).click();
    await page.locator($('[data-testid="import"]')).setInputFiles(path.join(ROOT, 'tests/fixtures/exports/archive_door_2026.11.2.json'));
    await page.locator($('[data-testid="open-imported"]')).click();
    await page.locator($('nav .bd-nav-item')).nth(3).click();
    await page.waitForTimeout(3000);
    return { browser, page, cdp, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** In the page: `n` changes of the first question's answer, 120 ms apart, marked. */
export async function answerClicks(n) {
  const radios = [...document.querySelectorAll('#biodpia .bd-question input[type=radio]')];
  const q = radios[0].name;
  const [a, b] = radios.filter((r) => r.name === q);
  for (let i = 0; i < n; i++) {
    performance.mark(`c${i}`);
    (i % 2 ? a : b).click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    performance.mark(`f${i}`);
    await new Promise((r) => setTimeout(r, 120));
  }
}
