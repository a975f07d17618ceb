// The fundamental rights impact assessment (AI Act Art. 27) as a user meets it, in English and
// in Dutch: a municipality that identifies visitors afterwards from camera images (a high-risk
// system under Annex III point 1) says it is a body governed by public law; the six FRIA
// questions appear in the AI Act section, and the summary, on screen and printed to PDF, has
// the FRIA annex with the answers typed. A shop with the same system says it is a private
// organisation providing no public service: no FRIA question, no annex.
import { englishInDutch } from './dutch-terms.mjs';
import { APP_SELECTOR, answerSection, assert, printToText, withApp } from './lib.mjs';

const $ = (sel) => `${APP_SELECTOR} ${sel}`;
const FRIA = ['q_fria_process', 'q_fria_period', 'q_fria_persons', 'q_fria_harms', 'q_fria_oversight', 'q_fria_remedies'];
const TITLE = {
  en: 'Fundamental rights impact assessment (FRIA, AI Act Art. 27)',
  nl: 'Effectbeoordeling op het gebied van grondrechten (FRIA, art. 27 AI-verordening)',
};
const MAY = { en: 'may refer to the relevant parts of the DPIA', nl: 'mag de FRIA naar de betreffende delen van de DPIA verwijzen' };
const squash = (s) => s.replace(/\s+/g, '');

/** Post remote identification of the people in a space, by a deployer of the given kind. */
const prefer = (context, deployer) => ({
  q_modality: 'face',
  q_identification_mode: 'identification_1ton',
  q_context: context,
  q_ai_remote_id: 'post',
  q_ai_deployer_type: deployer,
});

/**
 * Answers every section with `prefer`; in the section that asks them, types a marker into each
 * FRIA question shown. Returns the ids of the FRIA questions that were shown.
 */
async function walk(page, lang, preferred) {
  const sections = await page.locator($('nav .bd-nav-item:not(.bd-nav-results)')).count();
  const shown = [];
  for (let i = 0; i < sections; i++) {
    await answerSection(page, { prefer: preferred });
    for (const id of FRIA) {
      const area = page.locator($(`#bd-${id}`));
      if ((await area.count()) === 0) continue;
      shown.push(id);
      await area.fill(`FRIA answer ${id} ${lang}`);
    }
    await page.locator($('[data-testid="next"]')).click();
  }
  await page.locator($('[data-testid="verdict"]')).waitFor();
  return shown;
}

async function owedAndPrinted(lang) {
  await withApp({ name: `fria-owed-${lang}`, path: `/?lang=${lang}` }, async ({ page }) => {
    await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
    const shown = await walk(page, lang, prefer('public_space', 'public_body'));
    assert.deepEqual(shown, FRIA, 'all six FRIA questions are asked of a public body');
    await page.locator($('[data-testid="to-summary"]')).click();
    const annex = page.locator($('[data-testid="summary"] [data-testid="summary-fria"]'));
    await annex.waitFor();
    const text = await annex.innerText();
    assert.ok(text.includes(TITLE[lang]), text.slice(0, 200));
    assert.ok(text.includes(MAY[lang]), 'Art. 27(4) as amended: "may"');
    assert.equal(await annex.locator('[data-testid="summary-fria-item"]').count(), 6);
    for (const id of FRIA) assert.ok(text.includes(`FRIA answer ${id} ${lang}`), `${lang}: answer to ${id}`);
    assert.match(text, lang === 'en' ? /2 December 2027/ : /2 december 2027/);
    // Printed: the annex is in the PDF, with the answers.
    const { text: pdf } = await printToText(page);
    assert.ok(squash(pdf).includes(squash(TITLE[lang])), `${lang}: the annex is printed`);
    for (const id of FRIA) assert.ok(squash(pdf).includes(squash(`FRIA answer ${id} ${lang}`)), `${lang}: ${id} printed`);
    if (lang === 'nl') {
      // The Dutch report, FRIA annex included, has no English legal term or English text.
      const typed = [...FRIA.map((id) => `FRIA answer ${id} nl`), 'Described in our own words for the test.'];
      const { terms, labels } = englishInDutch(pdf, typed);
      assert.deepEqual([terms, labels], [[], []]);
    }
  });
}

async function shopSeesNone(lang) {
  await withApp({ name: `fria-shop-${lang}`, path: `/?lang=${lang}` }, async ({ page }) => {
    await page.locator(`${APP_SELECTOR}[lang="${lang}"]`).waitFor();
    const shown = await walk(page, lang, prefer('retail', 'private_other'));
    assert.deepEqual(shown, [], 'no FRIA question for a shop');
    await page.locator($('[data-testid="to-summary"]')).click();
    await page.locator($('[data-testid="summary"]')).waitFor();
    assert.equal(await page.locator($('[data-testid="summary-fria"]')).count(), 0, 'no FRIA annex');
    const { text: pdf } = await printToText(page);
    assert.ok(!squash(pdf).includes(squash(TITLE[lang])), `${lang}: no annex printed`);
  });
}

export const aPublicBodySeesTheFriaQuestionsAndThePrintedAnnexInEnglish = () => owedAndPrinted('en');
export const aPublicBodySeesTheFriaQuestionsAndThePrintedAnnexInDutch = () => owedAndPrinted('nl');
export const aPrivateShopSeesNoFriaInEnglish = () => shopSeesNone('en');
export const aPrivateShopSeesNoFriaInDutch = () => shopSeesNone('nl');
