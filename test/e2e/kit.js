// What every scenario file of the e2e suite shares: a log with seconds since the start, checks
// counted (a failed check does not stop the scenario; the file fails at its end), numbered
// screenshots in OUT, and polling for things outside the page (the file on disk, the CLI).
const path = require('node:path');

/**
 * @param {string} prefix  screenshot names: OUT/PREFIX-NN-name.png
 * @param {string} out     the screenshot folder
 * @param {() => import('playwright-core').Page} page  the page, once it is open
 * @param {{ untilMs?: number }} [options]  how long `until` polls by default
 */
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
  return {
    log,
    flat: (s) => s.replace(/\s+/g, ' ').trim(),
    check(ok, what) {
      log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
      if (!ok) failures++;
      return ok;
    },
    async shot(name) {
      const file = path.join(out, `${prefix}-${String(++shots).padStart(2, '0')}-${name}.png`);
      await page().screenshot({ path: file });
      log(`  screenshot ${path.basename(file)}`);
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

module.exports = { kit };
