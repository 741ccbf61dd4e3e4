// The report view as a user meets it: code-server with the installed .vsix, in Chromium, driven by
// the keyboard, display language Chinese (see run.sh).
//   1. a .docx with a wrong 总计 (fixtures/report-view/): Ctrl+P opens it (VS Code shows a binary
//      file), "nianbao: 以年报视图打开" from the palette: the page says what was read, the
//      read-only text opens beside it with the squiggle and its Problems entries; then
//      "nianbao: 导入为可编辑文本": the .txt is written beside the .docx and opened, and the CLI
//      finds in it what it finds in the .docx
//   2. a PDF with a table drawn as a picture (test/readers/fixtures/picture-table.pdf): the view's
//      warning says "表格为图片，无法检查", never table.missing
//   3. the example web page with its （七）总计 changed (43 → 44), opened as text (language html):
//      checked as it is opened, the squiggle on the changed number in the page's source
// Screenshots: OUT/view-*.png. Usage: node view.js BASE_URL WORKSPACE OUT
const fs = require('node:fs');
const path = require('node:path');
const { launch, workbenchUrl, freshWorkspace } = require('./browser');
const { kit } = require('./kit');
const { ROOT } = require('./fixtures');

const [BASE, WS, OUT] = process.argv.slice(2);
const NAME = '青禾县市场监督管理局2022年政府信息公开工作年度报告';

let page;
const { log, check, shot, until, openTab, quickInput, run, problemRows, cliFindings } = kit('view', OUT, () => page, { untilMs: 30_000 });

/** F1, the command's title, Enter. */
async function runCommand(title) {
  await quickInput('F1', title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** The findings of a file on disk, by the CLI, as "code message". */
function findingTexts(file) {
  return cliFindings(file)
    .map((f) => `${f.code} ${f.message}`)
    .sort();
}

/** Opens a file and the report view on it; resolves when the view's text is active beside the page. */
async function openReportView(relative, { binary }) {
  await openTab(relative);
  // A .docx: VS Code shows a binary file's placeholder ("Open Anyway"), which takes the focus when it
  // renders (a palette opened before would close again). A PDF begins with text: it opens as text.
  if (binary) await page.getByRole('button', { name: 'Open Anyway' }).waitFor({ timeout: 15_000 });
  else await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: 15_000 });
  await quickInput('F1', '以年报视图打开');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '以年报视图打开' }).first().waitFor({ timeout: 15_000 });
  await shot('palette');
  await page.keyboard.press('Enter');
  // The text view: a tab named "<file>（年报视图）", active beside the page.
  const tab = page.locator('.tab.active', { hasText: '（年报视图）' });
  await tab.waitFor({ timeout: 60_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: 15_000 });
  return tab;
}

/** Scenario 1: a .docx with a wrong 总计, viewed, then imported as text. */
async function docx() {
  const rel = `report-view/${NAME}.docx`;
  const file = path.join(WS, rel);
  const expected = findingTexts(file);
  log(`docx: ${rel} — the CLI finds ${expected.length}: ${expected.map((x) => x.split(' ')[0]).join(', ')}`);
  await openReportView(rel, { binary: true });
  const squiggle = page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first();
  check(
    await squiggle.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    ),
    'a red squiggle in the report view',
  );
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: '实为' }).first().waitFor({ timeout: 30_000 });
  const rows = await problemRows();
  check(
    rows.some((r) => r.includes('（一）予以公开·总计”应为 18')),
    `the Problems entry for the wrong total (${rows.length} rows)`,
  );
  await shot('docx');

  await runCommand('导入为可编辑文本');
  const txt = path.join(WS, 'report-view', `${NAME}.txt`);
  await until(() => fs.existsSync(txt), 'the .txt on disk');
  await page.locator('.tab.active', { hasText: `${NAME}.txt` }).waitFor({ timeout: 30_000 });
  const imported = findingTexts(txt);
  check(JSON.stringify(imported) === JSON.stringify(expected), `the .txt checks the same as the .docx: ${imported.length} findings`);
  // Its problems in the Problems panel, under the .txt (the wrong total is below the first screen).
  const txtRows = await until(async () => {
    const all = await problemRows();
    const at = all.findIndex((r) => r.includes(`${NAME}.txt`));
    return at >= 0 && all.slice(at + 1).some((r) => r.includes('（一）予以公开·总计”应为 18')) ? all : null;
  }, 'the .txt in the Problems panel').catch(() => null);
  check(!!txtRows, 'the imported text is checked in the editor: its Problems entry for the wrong total');
  await shot('docx-imported');
}

/** Scenario 2: a PDF with a table drawn as a picture. */
async function pdf() {
  const rel = 'report-view/picture-table.pdf';
  log(`pdf: ${rel}`);
  await openReportView(rel, { binary: false });
  // The Problems panel (open since the .docx) lists the view's findings once they are published.
  await page.locator('.markers-panel .monaco-list-row', { hasText: '表格为图片' }).first().waitFor({ timeout: 30_000 });
  // They are far down the text: F8 goes to the first, with its squiggle.
  await page.keyboard.press('F8');
  await page.locator('.marker-widget').waitFor({ timeout: 30_000 });
  const squiggle = page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first();
  check(
    await squiggle.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    ),
    'a squiggle in the report view of the PDF (F8)',
  );
  await shot('pdf-f8');
  await page.keyboard.press('Escape');
  const rows = await problemRows();
  check(
    rows.some((r) => r.includes('表格为图片，无法检查')),
    'the picture said to be one',
  );
  check(!rows.some((r) => r.includes('table.missing')), 'no table.missing');
  await shot('pdf');
}

/** Scenario 3: a web page opened as text, its wrong total squiggled in its source. */
async function html() {
  const rel = `report-view/${NAME}.html`;
  const source = fs.readFileSync(path.join(ROOT, 'examples', `${NAME}.html`), 'utf8');
  // The row （七）总计's only 43 (its 总计 cell) becomes 44.
  const row = source.indexOf('（七）总计');
  const at = source.indexOf('>43<', row);
  if (row < 0 || at < 0 || at > source.indexOf('</tr>', row)) throw new Error('expected 43 in the row （七）总计');
  fs.writeFileSync(path.join(WS, rel), `${source.slice(0, at)}>44<${source.slice(at + 4)}`);
  log(`html: ${rel} — （七）总计·总计 44 where 43 belongs`);
  await openTab(rel);
  await page.locator('.markers-panel .monaco-list-row', { hasText: '实为 44' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('F8');
  await page.locator('.marker-widget').waitFor({ timeout: 30_000 });
  const squiggle = page.locator('.editor-group-container.active .monaco-editor .squiggly-error').first();
  const marked = await squiggle.waitFor({ timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  check(marked, 'a squiggle on the page (F8)');
  // The Problems entries name the changed number's place in the source: its line and column.
  const line = source.slice(0, at + 1).split('\n').length;
  const column = at + 1 - source.lastIndexOf('\n', at);
  const rows = await problemRows();
  const here = rows.filter((r) => r.includes(`[Ln ${line}, Col ${column}]`));
  check(
    here.some((r) => r.includes('实为 44')),
    `the findings on the changed number in the page's source, Ln ${line}, Col ${column}: ${here.length}`,
  );
  await shot('html');
}

(async () => {
  freshWorkspace(ROOT, WS);
  fs.mkdirSync(path.join(WS, 'report-view'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'fixtures', 'report-view', `${NAME}.docx`), path.join(WS, 'report-view', `${NAME}.docx`));
  fs.copyFileSync(path.join(ROOT, 'test', 'readers', 'fixtures', 'picture-table.pdf'), path.join(WS, 'report-view', 'picture-table.pdf'));
  const browser = await launch({ locale: 'zh-CN' });
  page = browser.page;
  await run(browser, workbenchUrl(BASE, WS), async () => {
    log('workbench loaded');
    await docx();
    await pdf();
    await html();
  });
})();
