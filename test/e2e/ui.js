// nianbao as a user meets it: code-server with the installed .vsix, in Chromium, driven by the
// keyboard only, every check read off the screen (and the file on disk after saving). The display
// language is Chinese (see run.sh), so the server's messages and the extension's texts are Chinese.
//   1. a .txt report with a wrong 总计 (opens as 政府信息公开年报): highlighting, the squiggle, the
//      language status, the Problems entry; F8 to the problem; the hover's arithmetic; the Outline's six
//      sections; Ctrl+. and Enter; Ctrl+S: the file on disk is the clean example again
//   2. the same for a Markdown report (keeps its language)
//   3. 修复全部可自动修复的年报问题 from the palette on a draft with several errors, Ctrl+S: no
//      arithmetic problem remains (checked again on disk by the CLI)
//   4. source.fixAll.nianbao on save (editor.codeActionsOnSave) on a draft that opens as plain text
//   5. 从模板新建年度报告 from the palette: the year picker and the name box, in Chinese
// Screenshots: OUT/ui-*.png. Usage: node ui.js BASE_URL WORKSPACE OUT
const fs = require('node:fs');
const path = require('node:path');
const { launch, workbenchUrl, freshWorkspace } = require('./browser');
const { kit } = require('./kit');
const { ROOT, writeWrongTotals } = require('./fixtures');

const [BASE, WS, OUT] = process.argv.slice(2);
const ARITH = ['table.row-total', 'table.result-total', 'table.identity', 'table.group-total'];

let page;
const { log, flat, check, shot, until, openTab, quickInput, run, problemRows, cliFindings } = kit('ui', OUT, () => page);

/** The column the status bar shows for a character offset: tabs to the next multiple of the tab size (4). */
function visualColumn(line, offset) {
  let col = 0;
  for (const ch of line.slice(0, offset)) col = ch === '\t' ? col + 4 - (col % 4) : col + ch.length;
  return col;
}

// ------------------------------------------------------------------ the workbench, by keyboard

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();
const statusText = async (id) =>
  flat(
    await page
      .locator(`[id="${id}"]`)
      .first()
      .innerText()
      .catch(() => '?'),
  );
/** The status bar item's text once it reads `want` (the status bar follows the editor a moment later), else as it is. */
async function statusShows(id, want) {
  await page
    .waitForFunction(([i, w]) => document.getElementById(i)?.innerText.replace(/\s+/g, ' ').trim() === w, [id, want], { timeout: 5_000 })
    .catch(() => {});
  return statusText(id);
}

/**
 * The extension's language status item (in the `{}` beside the language name): its text once it
 * reads `want`, else ''. The item shows in a hover over the language status entry.
 */
async function languageStatus(want) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    await page
      .locator('[id="status.languageStatus"]')
      .first()
      .hover({ timeout: 5_000 })
      .catch(() => {});
    const hover = page.locator('.hover-language-status', { hasText: want }).first();
    const text = await hover.innerText({ timeout: 3_000 }).catch(() => '');
    await page.mouse.move(800, 300);
    if (text) return flat(text);
  }
  return '';
}

/** Ctrl+P, the file's path, Enter; resolves when its editor shows the text. */
async function openFile(relative) {
  await openTab(relative);
  await editor().locator('.view-lines').waitFor({ timeout: 15_000 });
}

/** F1, the command's title, Enter. */
async function runCommand(title) {
  await quickInput('F1', title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** The active tab shows unsaved changes (the edit reached the document). */
async function dirty() {
  await page.locator('.tab.active.dirty').waitFor({ timeout: 15_000 });
}

/** The first problem of the active editor: Ctrl+1 (the editor), Ctrl+Home, F8; the peek closed again with Escape. */
async function goToFirstProblem() {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  const peek = page.locator('.marker-widget');
  await peek.waitFor({ timeout: 15_000 });
  return peek;
}

// ------------------------------------------------------------------ scenarios

/** Scenarios 1 and 2: a report with one wrong 总计, fixed with Ctrl+. and Enter. */
async function wrongTotal(f, { language, outline, tag }) {
  log(`${tag}: ${path.relative(WS, f.path)} — ${f.wrong} where ${f.right} belongs`);
  await openFile(path.relative(WS, f.path));
  const mode = await statusShows('status.editor.mode', language);
  check(mode === language, `language in the status bar: ${mode}`);

  // The extension's language status item: the format, the report's year, the counts, the table view.
  const year = /(\d{4})年政府信息公开/.exec(path.basename(f.path))[1];
  const status = await languageStatus(`2021年版格式 · ${year}年度`);
  check(status.includes('个错误') && status.includes('打开表格视图'), `nianbao language status: ${status || '(not shown)'}`);

  // The Problems view, with the message in Chinese.
  await page.keyboard.press('Control+Shift+M');
  const expected = `实为 ${f.wrong}`;
  await page.locator('.markers-panel .monaco-list-row', { hasText: expected }).first().waitFor({ timeout: 30_000 });
  const rows = await problemRows();
  check(
    rows.some((r) => r.includes(expected) && r.includes(`应为 ${f.right}`)),
    `Problems: ${rows.filter((r) => r.includes('应为')).join(' ‖ ')}`,
  );

  // F8: the cursor on the problem, the peek shows the message; the squiggle is under the wrong cell.
  const peek = await goToFirstProblem();
  const peekText = flat(await peek.innerText());
  check(peekText.includes(`应为 ${f.right}`), `F8 peek: ${peekText.slice(0, 160)}`);
  const want = `Ln ${f.line + 1}, Col ${visualColumn(f.lineText, f.column) + 1}`;
  const cursor = await statusShows('status.editor.selection', want);
  check(cursor === want, `cursor on the wrong cell: ${cursor} (the cell “${f.wrong}” is at ${want})`);
  const squiggle = editor().locator('.squiggly-error');
  await squiggle.first().waitFor({ timeout: 15_000 });
  check(true, 'red squiggle in the editor');
  if (language === '政府信息公开年报') {
    // The grammar: headings, numbers and labels get different token colours.
    // (mtkN is the token's colour; other classes on a span are brackets, inlay hints and the like.)
    const classes = await editor()
      .locator('.view-lines span[class^="mtk"]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.className.split(' ')[0]))]);
    check(classes.length >= 3, `highlighted by the nianbao grammar (${classes.length} token colours on screen)`);
    const boxed = await editor().locator('.unicode-highlight').count();
    check(boxed === 0, `Chinese punctuation not boxed as look-alike characters (${boxed} boxes)`);
  }
  await shot(`${tag}-problem`);
  await page.keyboard.press('Escape');
  await peek.waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});

  // The hover (Ctrl+K Ctrl+I): the arithmetic behind the total.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: `应为 ${f.right}，实为 ${f.wrong}` }).last();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  const hoverText = flat(await hover.innerText());
  const arithmetic = hoverText.slice(hoverText.indexOf('不成立') - 20);
  check(hoverText.includes('不成立') && new RegExp(`= ${f.right} 应为 ${f.right}，实为 ${f.wrong}`).test(arithmetic), `hover: …${arithmetic.slice(0, 200)}`);
  await shot(`${tag}-hover`);
  await page.keyboard.press('Escape');
  await hover.waitFor({ state: 'hidden', timeout: 15_000 });

  if (language === 'Markdown') {
    // The Outline view of a Markdown report: nianbao's outline beside Markdown's own headings. (Once
    // Markdown's language server answers, its slow first parse no longer holds up Ctrl+. below.)
    await runCommand('Explorer: Focus on Outline View');
    const groups = page.locator('.outline-pane .monaco-list-row');
    await groups.filter({ hasText: 'Markdown Language Features' }).first().waitFor({ timeout: 15_000 });
    const names = (await groups.allInnerTexts()).map(flat);
    check(names.includes('nianbao') && names.includes('Markdown Language Features'), `Outline groups: ${names.join(' | ')}`);
    await page.keyboard.press('Control+1');
  }

  if (outline) {
    // The Outline view (items collapsed, see fixtures/settings.json): the title and the six sections.
    await runCommand('Explorer: Focus on Outline View');
    // The pane shows a few rows at a time: read them at the top (Home) and at the bottom (End).
    const rowsLocator = page.locator('.outline-pane .monaco-list-row');
    await rowsLocator.filter({ hasText: '一、总体情况' }).first().waitFor({ timeout: 15_000 });
    const seen = new Set((await rowsLocator.allInnerTexts()).map(flat));
    await page.keyboard.press('End');
    await rowsLocator.filter({ hasText: '六、其他需要报告的事项' }).first().waitFor({ timeout: 15_000 });
    for (const r of await rowsLocator.allInnerTexts()) seen.add(flat(r));
    const sections = [...seen].filter((r) => /^[一二三四五六]、/.test(r)).sort((a, b) => '一二三四五六'.indexOf(a[0]) - '一二三四五六'.indexOf(b[0]));
    check(sections.length === 6 && sections.map((s) => s[0]).join('') === '一二三四五六', `Outline: ${sections.join(' | ')}`);
    await shot(`${tag}-outline`);
    await page.keyboard.press('Control+1');
  }

  // Ctrl+. and Enter: the preferred fix; Ctrl+S: the file on disk is the clean example again.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
  await menu.waitFor({ state: 'visible', timeout: 15_000 });
  const menuText = flat(await menu.innerText());
  check(menuText.includes(`改为 ${f.right}`) && menuText.includes('在本行停用'), `quick-fix menu: ${menuText}`);
  await shot(`${tag}-quickfix`);
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 15_000 });
  await dirty();
  await page.keyboard.press('Control+S');
  await until(() => fs.readFileSync(f.path, 'utf8') === f.cleanText, 'the fixed file on disk');
  check(true, 'saved: the file on disk is the clean example, byte for byte');
  await squiggle.first().waitFor({ state: 'detached', timeout: 15_000 });
  check(true, 'the squiggle is gone');
  // The Problems panel follows the diagnostics a moment later than the squiggle: wait for it (a hang guard, not a bound).
  const gone = await until(async () => !(await problemRows()).some((r) => r.includes(expected)), 'the Problems entry to go').catch(() => false);
  check(gone, 'the Problems entry is gone');
  await shot(`${tag}-fixed`);
}

/** Scenario 3: fix all from the palette on a draft with several errors. */
async function fixAllFromPalette() {
  const rel = 'errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';
  const file = path.join(WS, rel);
  const before = cliFindings(file);
  log(`fix all: ${rel} — ${before.length} findings, ${before.filter((x) => ARITH.includes(x.code)).length} arithmetic`);
  await openFile(rel);
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: '实为' }).first().waitFor({ timeout: 30_000 });
  const rows = await problemRows();
  check(
    rows.filter((r) => r.includes('实为')).length >= 3,
    `Problems before: ${rows.length} rows, ${rows.filter((r) => r.includes('实为')).length} with a wrong total`,
  );
  await shot('fixall-before');
  await page.keyboard.press('Control+1');
  await runCommand('修复全部可自动修复的年报问题');
  await page.locator('.markers-panel .monaco-list-row', { hasText: '实为' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  await dirty();
  await page.keyboard.press('Control+S');
  const after = await until(() => {
    const fs_ = cliFindings(file);
    return fs_.some((x) => ARITH.includes(x.code)) || fs.readFileSync(file, 'utf8').includes('[bookmark: _GoBack]') ? null : fs_;
  }, 'the fixed file on disk');
  check(
    !after.some((x) => ARITH.includes(x.code)),
    `on disk (CLI): ${after.length} findings left, none arithmetic: ${after.map((x) => x.code).join(', ') || 'none'}`,
  );
  const rowsAfter = await problemRows();
  check(!rowsAfter.some((r) => r.includes('实为')), `Problems after: ${rowsAfter.length} rows, none with a wrong total`);
  await shot('fixall-after');
}

/**
 * Scenario 4: source.fixAll.nianbao on save, for plain text (the workspace settings, written before
 * the workbench opened, ask for it in plain-text files only; no other scenario opens one). The draft
 * is a copy not named like a report: it opens as plain text and is checked because it looks like one.
 */
const ON_SAVE = 'drafts/石门街道2022年报草稿.txt';
function prepareFixOnSave() {
  fs.mkdirSync(path.join(WS, 'drafts'), { recursive: true });
  fs.copyFileSync(path.join(WS, 'errors/石门街道办事处2022年政府信息公开工作年度报告.txt'), path.join(WS, ON_SAVE));
  fs.mkdirSync(path.join(WS, '.vscode'), { recursive: true });
  const settings = { '[plaintext]': { 'editor.codeActionsOnSave': { 'source.fixAll.nianbao': 'explicit' } } };
  fs.writeFileSync(path.join(WS, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function fixAllOnSave() {
  const file = path.join(WS, ON_SAVE);
  log(`fix on save: ${ON_SAVE} (plain text)`);
  await openFile(ON_SAVE);
  const mode = await statusShows('status.editor.mode', 'Plain Text');
  check(mode === 'Plain Text', `language in the status bar: ${mode}`);
  await editor().locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
  check(fs.readFileSync(file, 'utf8').startsWith('首页 > 政务公开'), 'the draft starts with a web breadcrumb, squiggled');
  const status = await languageStatus('2019年版格式 · 2022年度');
  check(status !== '', `nianbao language status: ${status || '(not shown)'}`);
  // An edit, so that the save is real: Ctrl+Enter adds a line at the end.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Enter');
  await dirty();
  await page.keyboard.press('Control+S');
  const text = await until(() => {
    const t = fs.readFileSync(file, 'utf8');
    return t.startsWith('首页') ? null : t;
  }, 'the file fixed on save');
  check(
    !text.includes('首页 > 政务公开') && text.includes('四、政府信息公开行政复议、行政诉讼情况'),
    'saved with source.fixAll.nianbao: the breadcrumb is gone, the missing heading of 四 is in',
  );
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'format.mismatch' }).first().waitFor({ timeout: 15_000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: '网页导航路径' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  const left = (await problemRows()).filter((r) => r.includes('nianbao'));
  check(
    !left.some((r) => r.includes('section.missing') || r.includes('text.artifact')),
    `Problems after saving (not auto-fixable): ${left.join(' ‖ ').slice(0, 120)}`,
  );
  await shot('fix-on-save');
}

/** Scenario 5: 从模板新建年度报告. */
async function newReport() {
  log('new report from the template');
  await runCommand('从模板新建年度报告');
  const year = new Date().getFullYear() - 1; // the report written in January is for the year before
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  await focused.waitFor({ timeout: 15_000 });
  const items = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(flat);
  check(
    items[0]?.includes('2021年版格式') && items.some((i) => i.includes('2020年度报告') && i.includes('2019年版格式')),
    `year picker: ${items.slice(0, 3).join(' | ')} …`,
  );
  const active = flat(await focused.innerText());
  check(active.startsWith(`${year}年度报告`), `last year is chosen unless another is: ${active}`);
  await shot('new-report-year');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: '机关名称' }).waitFor({ timeout: 15_000 });
  await page.keyboard.type('某某县人民政府办公室');
  await page.keyboard.press('Enter');
  // Named like a report file, so that saving proposes a name nianbao recognises.
  const tab = page.locator('.tab.active', { hasText: `某某县人民政府办公室${year}年政府信息公开工作年度报告.txt` });
  await tab.waitFor({ timeout: 15_000 });
  check(true, `the new report's tab: ${flat(await tab.innerText())}`);
  await editor()
    .locator('.view-lines', { hasText: `某某县人民政府办公室${year}年政府信息公开工作年度报告` })
    .waitFor({ timeout: 15_000 });
  const mode = await statusShows('status.editor.mode', '政府信息公开年报');
  check(mode === '政府信息公开年报', `the new report opens as ${mode}`);
  // Checked (the status bar names its format and year), and its empty tables are hints (table.empty),
  // not a warning per blank cell: the Problems panel stays free of them.
  const checked = await languageStatus(`2021年版格式 · ${year}年度`);
  check(checked !== '', `the new report is checked: ${checked || '(no status)'}`);
  await page.keyboard.press('Control+Shift+M');
  const rows = await problemRows();
  check(!rows.some((r) => r.includes('为空白')), `no warning per blank cell: ${rows.length} problem rows`);
  await shot('new-report');
}

(async () => {
  freshWorkspace(ROOT, WS);
  const [txt, md] = writeWrongTotals(WS);
  prepareFixOnSave();
  const browser = await launch({ locale: 'zh-CN' });
  page = browser.page;
  await run(browser, workbenchUrl(BASE, WS), async () => {
    log('workbench loaded');
    const scenarios = {
      txt: () => wrongTotal(txt, { language: '政府信息公开年报', outline: true, tag: 'txt' }),
      md: () => wrongTotal(md, { language: 'Markdown', outline: false, tag: 'md' }),
      fixall: fixAllFromPalette,
      onsave: fixAllOnSave,
      new: newReport,
    };
    // NIANBAO_E2E_UI=onsave,new runs only some (while working on them).
    const only = process.env.NIANBAO_E2E_UI ? process.env.NIANBAO_E2E_UI.split(',') : Object.keys(scenarios);
    for (const name of only) await scenarios[name]();
  });
})();
