// The table view in code-server, keyboard only, read off the screen (the webview lives in two
// nested iframes): a .txt report with a wrong 总计 opens, 打开表格视图 from the palette shows its
// tables beside the text with the wrong cell red and its expected value; the cell under the text
// cursor is marked; a live edit of the text clears the mark; in the view, arrow keys move and Enter
// selects the cell in the text. Then the walkthrough from the palette. Screenshots: OUT/tableview-*.png.
// Usage: node tableview.js BASE_URL WORKSPACE OUT
const path = require('node:path');
const { launch, workbenchUrl, freshWorkspace } = require('./browser');
const { kit } = require('./kit');
const { ROOT, writeWrongTotals } = require('./fixtures');

const [BASE, WS, OUT] = process.argv.slice(2);

let page;
const { log, flat, check, shot, openTab, quickInput, run } = kit('tableview', OUT, () => page);

/** The column the status bar shows for a character offset: tabs to the next multiple of 4. */
function visualColumn(line, offset) {
  let col = 0;
  for (const ch of line.slice(0, offset)) col = ch === '\t' ? col + 4 - (col % 4) : col + ch.length;
  return col;
}

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();
/** The table view's page: the webview's outer iframe, then its active frame. */
const view = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

async function statusShows(id, want) {
  await page
    .waitForFunction(([i, w]) => document.getElementById(i)?.innerText.replace(/\s+/g, ' ').trim() === w, [id, want], { timeout: 10_000 })
    .catch(() => {});
  return flat(
    await page
      .locator(`[id="${id}"]`)
      .first()
      .innerText()
      .catch(() => '?'),
  );
}

/** Ctrl+P, the file's path, Enter; resolves when its editor shows the text. */
async function openFile(relative) {
  await openTab(relative);
  await editor().locator('.view-lines').waitFor({ timeout: 15_000 });
}

async function runCommand(title) {
  await quickInput('F1', title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Ctrl+G LINE:COLUMN (1-based, the character after tabs counted as one). */
async function goTo(line, character) {
  await quickInput('Control+G', `${line}:${character}`);
  await page.keyboard.press('Enter');
}

async function tableView(f) {
  log(`table view: ${path.relative(WS, f.path)} — ${f.wrong} where ${f.right} belongs`);
  await openFile(path.relative(WS, f.path));
  // Checked: the status bar counts its errors (the squiggle is further down, off screen).
  await page.waitForFunction(() => /[1-9]/.test(document.getElementById('status.problems')?.innerText ?? ''), null, { timeout: 30_000 });

  // The editor title's button and the palette command.
  const button = page.locator('.editor-group-container.active .editor-actions [aria-label*="打开表格视图"]');
  check((await button.count()) > 0, 'the editor title has the table view button');
  await runCommand('打开表格视图');
  await page.locator('.tab', { hasText: '表格：' }).first().waitFor({ timeout: 15_000 });
  check(true, `a tab beside the text: ${flat(await page.locator('.tab', { hasText: '表格：' }).first().innerText())}`);

  // The tables, with the wrong cell red and the value it should have.
  const wrong = view().locator('td.wrong', { hasText: `应为 ${f.right}` });
  await wrong.first().waitFor({ timeout: 30_000 });
  const headings = (await view().locator('h2').allInnerTexts()).map(flat);
  check(headings.length === 3, `three tables: ${headings.join(' | ')}`);
  const wrongTexts = (await view().locator('td.wrong').allInnerTexts()).map(flat);
  check(
    wrongTexts.some((t) => t.startsWith(f.wrong) && t.includes(`应为 ${f.right}`)),
    `wrong cells: ${wrongTexts.join(' | ')}`,
  );
  const colour = await wrong.first().evaluate((td) => getComputedStyle(td).color);
  const plain = await view()
    .locator('td.cell:not(.wrong)')
    .first()
    .evaluate((td) => getComputedStyle(td).color);
  check(colour !== plain, `the wrong cell has its own colour (${colour}, others ${plain})`);
  await wrong.first().scrollIntoViewIfNeeded();
  await shot('wrong-cell');

  // The cursor on the wrong cell in the text: the view marks it.
  await page.keyboard.press('Control+1');
  await goTo(f.line + 1, f.column + 1);
  const atCursor = view().locator('td.at-cursor');
  await atCursor.first().waitFor({ timeout: 15_000 });
  const cursorText = flat(await atCursor.first().innerText());
  check(cursorText.startsWith(f.wrong) && cursorText.includes(`应为 ${f.right}`), `the cell under the cursor is marked: ${cursorText}`);

  // A live edit: the wrong cell typed right; the view follows once the edits pause.
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(f.right);
  await page.locator('.tab.active.dirty').waitFor({ timeout: 15_000 });
  await view().locator('td.wrong').first().waitFor({ state: 'detached', timeout: 30_000 });
  const fixed = flat(await view().locator('td.at-cursor').first().innerText({ timeout: 15_000 }));
  check(fixed === f.right, `after the edit, no wrong cell; the cell under the cursor reads ${fixed}`);
  await shot('after-edit');

  // In the view by keyboard: Ctrl+2 to its group, an arrow key to the cell under the cursor, ← to
  // the cell before it, Enter: the text editor has that cell selected.
  await page.keyboard.press('Control+2');
  await view().locator('body').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME', null, { timeout: 15_000 }).catch(() => {});
  await page.keyboard.press('ArrowDown'); // the first arrow takes the cell under the text cursor
  await view().locator('td.cell:focus').waitFor({ timeout: 15_000 });
  await page.keyboard.press('ArrowLeft');
  const focused = flat(await view().locator('td.cell:focus').innerText());
  const line = f.lineText.slice(0, f.column) + f.right;
  const before = line.slice(0, f.column - 1).lastIndexOf('\t') + 1; // the cell before the total
  check(focused === line.slice(before, f.column - 1), `← moves to the cell before: ${focused}`);
  await shot('keyboard');
  await page.keyboard.press('Enter');
  const want = `Ln ${f.line + 1}, Col ${visualColumn(line, f.column - 1) + 1} (${f.column - 1 - before} selected)`;
  const sel = await statusShows('status.editor.selection', want);
  check(sel === want, `Enter selects the cell in the text: ${sel} (want ${want})`);
  await shot('jumped');
}

/** The walkthrough, from the palette: its five steps, in Chinese, the first one's page shown. */
async function walkthrough() {
  log('walkthrough');
  await runCommand('Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '检查政府信息公开工作年度报告' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.type('政府信息公开');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '检查政府信息公开工作年度报告' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const steps = page.locator('.getting-started-step');
  await steps.filter({ hasText: '从模板新建年度报告' }).first().waitFor({ timeout: 15_000 });
  const titles = (await steps.locator('.step-title').allInnerTexts()).map(flat);
  check(
    ['从模板新建年度报告', '查看标出的错误数字', '查看错误原因', '一键修复', '查看表格'].every((t) => titles.includes(t)),
    `walkthrough steps: ${titles.join(' | ')}`,
  );
  await shot('walkthrough');
}

(async () => {
  freshWorkspace(ROOT, WS);
  const [txt] = writeWrongTotals(WS);
  const browser = await launch({ locale: 'zh-CN' });
  page = browser.page;
  await run(browser, workbenchUrl(BASE, WS), async () => {
    log('workbench loaded');
    await tableView(txt);
    await walkthrough();
  });
})();
