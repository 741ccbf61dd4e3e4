// Year over year in the editor, as a user meets it: code-server with the installed .vsix, in
// Chromium, keyboard only. A folder holds one body's 2021 and 2022 reports; last year's 四、结转下年度
// 继续办理 says 4 where its own table says 3 (a typo), so this year's 二、上年结转 (3) gets the
// carry-over squiggle and Problems entry. The hover on this year's 二 shows last year's 4 and its
// file:line. Last year's report is opened and its 4s typed over with 3 (not saved: the open
// document's text counts): this year's squiggle and Problems entry go.
// Screenshots: OUT/crossyear-*.png. Usage: node crossyear.js BASE_URL WORKSPACE OUT
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, workbenchUrl } = require('./browser');
const { kit } = require('./kit');
const { ROOT } = require('./fixtures');

const [BASE, WS, OUT] = process.argv.slice(2);
const GOV = '云岭市桐溪区人民政府';
const LAST = `years/${GOV}2021年政府信息公开工作年度报告.txt`;
const THIS = `years/${GOV}2022年政府信息公开工作年度报告.txt`;
const ROW = '四、结转下年度继续办理';

let page;
const { log, flat, check, shot, openTab, quickInput, run, problemRows } = kit('crossyear', OUT, () => page);

/** The two reports, made by the project's own sample (sampleReport): last year's 四 written 4 where its table gives 3. */
function writeReports() {
  fs.rmSync(WS, { recursive: true, force: true });
  fs.mkdirSync(path.join(WS, 'years'), { recursive: true });
  const script = `const { sampleReport } = require('./server/src/core/crossyear/sample');
    process.stdout.write(JSON.stringify([sampleReport(2021, '${GOV}', { carryover: 3 }), sampleReport(2022, '${GOV}', { carried: 3 })]));`;
  const [last, self] = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
  const typo = last.replace(`${ROW}\t3\t0\t0\t0\t0\t0\t3`, `${ROW}\t4\t0\t0\t0\t0\t0\t4`);
  if (typo === last) throw new Error(`no ${ROW} row of 3s in the sample`);
  fs.writeFileSync(path.join(WS, LAST), typo);
  fs.writeFileSync(path.join(WS, THIS), self);
  // 1-based line and character of the 自然人 and 总计 cells of 四 in last year's report.
  const lines = typo.split('\n');
  const line = lines.findIndex((l) => l.startsWith(`${ROW}\t`));
  const cells = lines[line].split('\t');
  const col = (k) => cells.slice(0, k).join('\t').length + 2;
  const selfLines = self.split('\n');
  const carried = selfLines.findIndex((l) => l.startsWith('二、上年结转'));
  return { line: line + 1, columns: [col(1), col(7)], carried: { line: carried + 1, column: selfLines[carried].indexOf('\t') + 2 } };
}

const editor = () => page.locator('.editor-group-container.active .monaco-editor').first();
/** Ctrl+P, the file's path, Enter; resolves when its editor shows the text. */
async function openFile(relative) {
  await openTab(relative);
  await editor().locator('.view-lines').waitFor({ timeout: 15_000 });
}
/** Ctrl+G line:column: the cursor there. */
async function goTo(line, column) {
  await quickInput('Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
}

(async () => {
  const at = writeReports();
  const browser = await launch({ locale: 'zh-CN' });
  page = browser.page;
  await run(browser, workbenchUrl(BASE, WS), async () => {
    log(`workbench loaded: ${LAST} (四 written 4, its table gives 3) and ${THIS} (二 is 3)`);

    // This year's report alone: the server finds last year's file beside it.
    await openFile(THIS);
    await page.keyboard.press('Control+Shift+M');
    const entry = '结转下年度继续办理为 4';
    await page.locator('.markers-panel .monaco-list-row', { hasText: entry }).first().waitFor({ timeout: 30_000 });
    const rows = (await problemRows()).filter((r) => r.includes(entry));
    check(rows.length === 2 && rows.every((r) => r.includes('上年结转')), `Problems: ${rows.join(' ‖ ')}`);
    await page.keyboard.press('Control+1');
    await goTo(at.carried.line, at.carried.column);
    await editor().locator('.squiggly-error').first().waitFor({ timeout: 15_000 });
    check(true, 'red squiggle under this year’s 二、上年结转');

    // The hover on 二 (Ctrl+K Ctrl+I): last year's figure and where it came from.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: '上年报告' }).last();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const hoverText = flat(await hover.innerText());
    check(
      hoverText.includes('2021年“四、结转下年度继续办理”（自然人）为 4') &&
        hoverText.includes(`2021年政府信息公开工作年度报告.txt:${at.line}:${at.columns[0]}`),
      `hover: …${hoverText.slice(hoverText.indexOf('上年报告'), hoverText.indexOf('上年报告') + 120)}`,
    );
    await shot('carryover');
    await page.keyboard.press('Escape');

    // Last year's report opened and its 4s typed over with 3, not saved.
    await openFile(LAST);
    for (const column of [...at.columns].reverse()) {
      await goTo(at.line, column);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('3');
    }
    await page.locator('.tab.active.dirty').waitFor({ timeout: 15_000 });
    log(`typed 3 over last year’s 四 at ${at.line}:${at.columns.join(', ')}`);

    // This year's Problems entries go (the Problems panel shows every open report), and its squiggle.
    const gone = await page
      .waitForFunction((e) => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => r.textContent.includes(e)), entry, {
        timeout: 30_000,
      })
      .then(() => true)
      .catch(() => false);
    check(gone, 'this year’s carry-over Problems entries are gone');
    await openFile(THIS);
    await goTo(at.carried.line, at.carried.column);
    const clean = await editor()
      .locator('.squiggly-error')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    check(clean, 'this year’s squiggle is gone');
    await shot('fixed');
  });
})();
