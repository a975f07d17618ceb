// The widget runs under a strict Content-Security-Policy: no inline script or style, no
// eval, nothing from another origin (see STRICT_CSP in lib.mjs). Trunk's inline loader is
// replaced by web/boot.js (Trunk.toml pattern_script) for this.
import { APP_SELECTOR, assert, STRICT_CSP, withApp } from './lib.mjs';

export async function appRendersUnderStrictCsp() {
  await withApp({ name: 'csp', csp: STRICT_CSP }, async ({ page, console }) => {
    assert.equal(await page.locator(APP_SELECTOR).count(), 1);
    // withApp() also fails on any console error or securitypolicyviolation event.
    await console.assertNoCspViolations();
  });
}

export async function builtHtmlHasNoInlineScriptOrStyle() {
  await withApp({ name: 'csp-html', waitForApp: false }, async ({ page, url }) => {
    const html = await (await page.request.get(url)).text();
    const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/gi)].map((m) => m[0]);
    assert.deepEqual(inlineScripts, [], 'dist/index.html has inline <script> elements');
    assert.doesNotMatch(html, /<style\b/i, 'dist/index.html has a <style> element');
    assert.doesNotMatch(html, /\sstyle=/i, 'dist/index.html has a style="" attribute');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'dist/index.html has an inline event handler');
  });
}
