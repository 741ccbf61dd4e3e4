// What every scenario file of the e2e suite shares: a log with seconds since the start, checks
// counted (a failed check does not stop the scenario; the file fails at its end), numbered
// screenshots in OUT, and polling for things outside the page (the file on disk, the CLI).
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { ROOT } = require('./fixtures');

/**
 * @param {string} prefix  screenshot names: OUT/PREFIX-NN-name.png
 * @param {string} out     the screenshot folder
 * @param {() => import('playwright-core').Page} page  the page, once it is open
 * @param {{ untilMs?: number }} [options]  how long `until` polls by default
 */
/** The findings of a file on disk, by the CLI (its JSON `findings`). */
function cliFindings(file) {
  let stdout;
  try {
    stdout = execFileSync('node', [path.join(ROOT, 'server/out/cli.js'), 'check', '--format', 'json', '--no-progress', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (e) {
    stdout = e.stdout; // exit 1: findings at error severity
  }
  return JSON.parse(stdout)[0].findings;
}

function kit(prefix, out, page, { untilMs = 15_000 } = {}) {
  const t0 = Date.now();
  let failures = 0;
  let shots = 0;
  async function quickInput(keys, text) {
    await page().keyboard.press(keys);
    const input = page().locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    if (text) await page().keyboard.type(text);
    return input;
  }
  const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...a);
  const flat = (s) => s.replace(/\s+/g, ' ').trim();
  async function shot(name) {
    const file = path.join(out, `${prefix}-${String(++shots).padStart(2, '0')}-${name}.png`);
    await page().screenshot({ path: file });
    log(`  screenshot ${path.basename(file)}`);
  }
  return {
    log,
    flat,
    check(ok, what) {
      log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
      if (!ok) failures++;
      return ok;
    },
    shot,
    cliFindings,
    /** The rows of the Problems panel, white space flattened. */
    async problemRows() {
      return (await page().locator('.markers-panel .monaco-list-row').allInnerTexts()).map(flat);
    },
    /**
     * Opens the workbench at `url` in the browser's page, runs `body`, closes the browser and ends
     * the process: 0 when every check passed, 1 when one failed or `body` threw (a screenshot then).
     */
    async run(browser, url, body) {
      page().on('pageerror', (e) => log('page error:', e.message));
      let ok = false;
      try {
        await page().goto(url);
        await page().locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page().locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
        await body();
        ok = failures === 0;
      } catch (e) {
        log('FAIL', e.message.split('\n')[0]);
        await shot('failure').catch(() => {});
      } finally {
        await browser.close();
      }
      log(ok ? `${prefix}: PASS` : `${prefix}: FAIL (${failures} checks failed)`);
      process.exit(ok ? 0 : 1);
    },
    /** Polls `fn` until it returns a truthy value (for the file on disk and the CLI; the page has its own waits). */
    async until(fn, what, ms = untilMs) {
      const end = Date.now() + ms;
      for (;;) {
        const v = await fn();
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    failed: () => failures,
    /** Presses `keys` (Ctrl+P, F1…) and types `text` into the quick input that opens; returns the input. */
    quickInput,
    /** Ctrl+P, the file's path, Enter; resolves when its tab is active. */
    async openTab(relative) {
      await quickInput('Control+P', relative);
      const name = path.basename(relative);
      await page().waitForFunction((n) => document.querySelector('.quick-input-list .monaco-list-row')?.textContent?.includes(n), name, { timeout: 15_000 });
      await page().keyboard.press('Enter');
      await page().locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
    },
  };
}

module.exports = { kit, cliFindings };
