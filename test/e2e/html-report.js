// The auditor's HTML report in a real browser: `nianbao check --format html examples/` rendered by
// headless Chromium with the network refused, a screenshot of the page
// (OUT/html-report.png, and the print layout as OUT/html-report.pdf), and what a reader sees
// asserted: the summary on top with its counts, and a red cell with the value the sums expect.
//   node test/e2e/html-report.js ROOT OUT
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { launch } = require('./browser');

async function main() {
  const [root, out] = process.argv.slice(2);
  const cli = path.join(root, 'server/out/cli.js');
  const pages = {};
  for (const locale of ['zh', 'en']) {
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'html', '--locale', locale, '--no-progress', 'examples'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    assert.equal(r.status, 1, `exit 1 (findings at error severity); stderr:\n${r.stderr}`);
    const file = path.join(out, `html-report${locale === 'en' ? '.en' : ''}.html`);
    fs.writeFileSync(file, r.stdout);
    pages[locale] = { file, stderr: r.stderr };
  }

  const { context, page, close } = await launch({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
  const requests = [];
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${pages.zh.file}`);

    // The summary is written last and shown first.
    const summaryBox = await page.locator('#summary').boundingBox();
    const firstReport = await page.locator('section.report').first().boundingBox();
    assert.ok(summaryBox && firstReport && summaryBox.y < firstReport.y, 'the summary is above the reports');
    const stat = async (kind) => (await page.locator(`[data-stat="${kind}"]`).innerText()).replace(/\s+/g, ' ').trim();
    // The same numbers as the run's last line on stderr (14 files, 6 errors, … when this was written).
    const said = pages.zh.stderr.match(/检查了 (\d+) 个文件.*：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示；(\d+) 张表识别不确定、未核对/);
    assert.ok(said, pages.zh.stderr);
    const [files, errors, warnings, notes, notChecked] = said.slice(1);
    assert.equal(files, '14');
    assert.equal(await stat('files'), `${files} 份报告已检查`);
    assert.equal(await stat('errors'), `${errors} 个错误`);
    assert.equal(await stat('warnings'), `${warnings} 个警告`);
    assert.equal(await stat('notes'), `${notes} 个提示`);
    assert.equal(await stat('not-checked'), `${notChecked} 张表格识别不确定、未核对`);
    const rule = (await page.locator('[data-rule="table.group-total"]').innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(rule, 'table.group-total 表四合计不符 1 0 0');

    // The wrong cell: （七）总计·自然人 reads 7, the sums want 6; red, with the expected value under it.
    const cell = page.locator('#r1 td.wrong', { hasText: '应为 6' }).first();
    assert.equal((await cell.innerText()).replace(/\s+/g, ' ').trim(), '7 应为 6');
    const style = await cell.evaluate((e) => {
      const s = getComputedStyle(e);
      return { color: s.color, background: s.backgroundColor };
    });
    const [r, g, b] = style.color.match(/\d+/g).map(Number);
    assert.ok(r > 150 && g < 60 && b < 60, `the wrong value is red: ${style.color}`);
    const row = (await cell.locator('xpath=..').locator('th').innerText()).trim();
    assert.match(row, /^（七）总计/);
    await cell.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(out, 'html-report-cell.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(out, 'html-report.png') });
    await page.screenshot({ path: path.join(out, 'html-report-full.png'), fullPage: true });
    // The print layout (Chromium's own PDF), to look at.
    await page.pdf({ path: path.join(out, 'html-report.pdf'), format: 'A4', printBackground: true });

    await page.goto(`file://${pages.en.file}`);
    assert.equal(await stat('errors'), `${errors} errors`);
    assert.equal((await page.locator('#r1 td.wrong', { hasText: 'expected 6' }).first().innerText()).replace(/\s+/g, ' ').trim(), '7 expected 6');
    await page.screenshot({ path: path.join(out, 'html-report.en.png') });

    assert.deepEqual(requests, [], 'the page asks for nothing outside itself');
    console.log('html-report: summary and marked cell seen in Chromium (zh, en); screenshots in', out);
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
