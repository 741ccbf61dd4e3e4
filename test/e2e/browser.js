// Debian's Chromium driven by playwright-core (from the tools folder, on NODE_PATH), and the
// code-server URLs the e2e tests open.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.NIANBAO_E2E_CHROMIUM || '/usr/bin/chromium';

/** A fresh headless Chromium; `locale` sets Accept-Language, from which code-server takes the display language. */
async function launch({ locale, viewport = { width: 1600, height: 1000 } }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { context, page: context.pages()[0] || (await context.newPage()), close };
}

/** The workbench on `folder`, with the extension-development payload when given (paths on the code-server machine). */
function workbenchUrl(base, folder, payload) {
  const host = new URL(base).host;
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    const entries = Object.entries(payload).map(([k, p]) => [k, `vscode-remote://${host}${p}`]);
    url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  }
  return url;
}

/** A workspace folder: a fresh copy of examples/. */
function freshWorkspace(root, folder) {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'examples'), folder, { recursive: true });
  return folder;
}

module.exports = { launch, workbenchUrl, freshWorkspace };
