// The extension-test contract of @vscode/test-electron (`runTests`), inside code-server: open the
// workbench with extensionDevelopmentPath and extensionTestsPath in its payload, so the suite's
// `run()` executes in code-server's real (Node) extension host with the real `vscode` API, and take
// its exit code from `codeAutomationExit`. The workspace is a fresh copy of examples/.
// Usage: node host.js BASE_URL WORKSPACE EXTENSION_PATH TESTS_PATH zh|en
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { launch, workbenchUrl, freshWorkspace } = require('./browser');

const [base, workspace, extensionPath, testsPath, lang] = process.argv.slice(2);
const ROOT = path.join(__dirname, '..', '..');
const TIMEOUT_MS = 150_000;
/** What the workbench logs on every start here (no extension gallery offline), left out of the suite's output. */
const NOISE =
  /open-vsx\.org|connection token|Creating a socket|\[Service Worker\]|ChatSessionStore|builtin extensions cache|Creation of workbench contribution/;

(async () => {
  freshWorkspace(ROOT, workspace);
  const { page, close } = await launch({ locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...args);
    if (!NOISE.test(line)) (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // The workbench's own console (warnings and errors), for a failure to be read afterwards.
  const consoleLog = process.env.NIANBAO_E2E_OUT ? fs.createWriteStream(path.join(process.env.NIANBAO_E2E_OUT, `host-${lang}-console.log`)) : null;
  page.on('console', (m) => {
    if (consoleLog && (m.type() === 'error' || m.type() === 'warning')) consoleLog.write(`[${m.type()}] ${m.text()}\n`);
  });
  const timer = setTimeout(() => exit('timeout'), TIMEOUT_MS);
  await page.goto(workbenchUrl(base, workspace, { extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath }));
  const code = await exited;
  clearTimeout(timer);
  await close();
  console.log(`extension host (${lang}) exited with ${code}`);
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
