/**
 * Last year's report in the editor: the server finds it beside this year's report (or by the
 * config's `pairs`), gives this year's check the same pairing as `nianbao check DIR`, pushes this
 * year's diagnostics again when last year's report changes (edited while open, or written on
 * disk), and the hover on 二、上年结转 says last year's figure and where it came from. The lookup's
 * caps are tested on the lookup itself: a folder of many files, no more than the cap read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { parse } from '../../server/src/core';
import { sampleReport } from '../../server/src/core/crossyear/sample';
import { COMMANDS } from '../../server/src/features/protocol';
import { PreviousReports } from '../../server/src/service/previous';
import { ROOT } from '../helpers';
import { CAPABILITIES, startPair, type TestClient } from './harness';

const GOV = '云岭市桐溪区人民政府';
const name = (year: number, body = GOV) => `${body}${year}年政府信息公开工作年度报告.txt`;
const carryovers = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).filter((d) => d.code === 'crossyear.carryover');

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-previous-'));
}

/** 0-based line and character of the k-th cell (1-based) on the line that starts with `label`. */
function cellAt(text: string, label: string, k: number): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(label) && l.includes('\t'));
  return { line, character: lines[line]!.split('\t').slice(0, k).join('\t').length + 1 };
}

/** The text with the 自然人 and 总计 cells of the row starting with `label` set to `n`. */
function setRow(c: TestClient, uri: string, label: string, n: number) {
  const text = c.text(uri);
  const at = cellAt(text, label, 1);
  const line = text.split('\n')[at.line]!;
  const cells = line.split('\t');
  cells[1] = String(n);
  cells[7] = String(n);
  return c.change(uri, [{ range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: line.length } }, text: cells.join('\t') }]);
}

/** The next publication for `uri` whose carry-over findings satisfy `pred`. */
function carryoverWhen(c: TestClient, uri: string, pred: (ds: Diagnostic[]) => boolean) {
  return c.diagnostics(uri, (p) => pred(carryovers(p)));
}

describe('last year’s report in the editor', () => {
  it('finds last year’s file beside this year’s; fixing last year’s 四 (didChange) clears this year’s carry-over', async () => {
    const dir = folder();
    writeFileSync(join(dir, name(2021)), sampleReport(2021, GOV, { carryover: 4 }));
    writeFileSync(join(dir, name(2022)), sampleReport(2022, GOV, { carried: 3 }));
    // Another body's 2021 report whose 四 would agree: bodies differ, it is not last year's.
    writeFileSync(join(dir, name(2021, `${GOV}办公室`)), sampleReport(2021, `${GOV}办公室`, { carryover: 3 }));
    const last = pathToFileURL(join(dir, name(2021))).href;
    const self = pathToFileURL(join(dir, name(2022))).href;
    const c = await startPair();
    const first = carryovers(await c.open(self, 'nianbao', readFileSync(join(dir, name(2022)), 'utf8')));
    const lastText = readFileSync(join(dir, name(2021)), 'utf8');
    // 自然人 and 总计, on this year's cell, with last year's cell related.
    assert.deepEqual(
      first.map((d) => [d.range.start, d.relatedInformation?.[0]?.location]),
      [1, 7].map((k) => [
        cellAt(c.text(self), '二、上年结转', k),
        {
          uri: last,
          range: {
            start: cellAt(lastText, '四、结转下年度', k),
            end: { ...cellAt(lastText, '四、结转下年度', k), character: cellAt(lastText, '四、结转下年度', k).character + 1 },
          },
        },
      ]),
    );
    assert.match(first[0]!.message, /上年结转（自然人）为 3，而2021年报告（云岭市桐溪区人民政府2021年政府信息公开工作年度报告\.txt）结转下年度继续办理为 4/);
    // Last year's report opened (its text in memory wins over the file) and fixed: this year's finding goes.
    await c.open(last, 'nianbao', lastText);
    const cleared = carryoverWhen(c, self, (ds) => ds.length === 0);
    await setRow(c, last, '四、结转下年度继续办理', 3);
    await cleared;
    // Broken again in memory: it comes back, with the new figure.
    const back = carryoverWhen(c, self, (ds) => ds.length === 2);
    await setRow(c, last, '四、结转下年度继续办理', 5);
    assert.match((await back).diagnostics.find((d) => d.code === 'crossyear.carryover')!.message, /结转下年度继续办理为 5/);
    // Closed unsaved: the file on disk (4) speaks again.
    const disk = c.diagnostics(self, (p) => carryovers(p).some((d) => /继续办理为 4/.test(d.message)));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: last } });
    await disk;
    await c.dispose();
  });

  it('last year’s report edited (unsaved) before this year’s is opened: this year’s check reads the edited text', async () => {
    const dir = folder();
    writeFileSync(join(dir, name(2021)), sampleReport(2021, GOV, { carryover: 4 }));
    writeFileSync(join(dir, name(2022)), sampleReport(2022, GOV, { carried: 3 }));
    const last = pathToFileURL(join(dir, name(2021))).href;
    const self = pathToFileURL(join(dir, name(2022))).href;
    const c = await startPair();
    // Nobody looks at last year's report while it is edited: what it says for next year is read
    // only when this year's report is opened, from the edited text, not from the file (4).
    await c.open(last, 'nianbao', readFileSync(join(dir, name(2021)), 'utf8'));
    await setRow(c, last, '四、结转下年度继续办理', 5);
    const opened = carryovers(await c.open(self, 'nianbao', readFileSync(join(dir, name(2022)), 'utf8')));
    assert.equal(opened.length, 2);
    assert.match(opened[0]!.message, /结转下年度继续办理为 5/);
    // And an edit of last year's after that is seen by this year's at once.
    const cleared = carryoverWhen(c, self, (ds) => ds.length === 0);
    await setRow(c, last, '四、结转下年度继续办理', 3);
    await cleared;
    // Broken again, then last year's text replaced by one that is no report: this year's loses its pairing.
    const again = carryoverWhen(c, self, (ds) => ds.length === 2);
    await setRow(c, last, '四、结转下年度继续办理', 6);
    await again;
    const unpaired = carryoverWhen(c, self, (ds) => ds.length === 0);
    const lines = c.text(last).split('\n').length;
    await c.change(last, [{ range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, text: '会议纪要\n' }]);
    await unpaired;
    await c.dispose();
  });

  it('last year’s file written after this year’s was opened: didChangeWatchedFiles brings the finding, and fixing it on disk clears it', async () => {
    const dir = folder();
    const self = pathToFileURL(join(dir, name(2022))).href;
    const lastPath = join(dir, name(2021));
    writeFileSync(join(dir, name(2022)), sampleReport(2022, GOV, { carried: 3 }));
    const c = await startPair();
    assert.equal(carryovers(await c.open(self, 'nianbao', sampleReport(2022, GOV, { carried: 3 }))).length, 0);
    writeFileSync(lastPath, sampleReport(2021, GOV, { carryover: 2 }));
    const found = carryoverWhen(c, self, (ds) => ds.length === 2);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(lastPath).href, type: FileChangeType.Created }] });
    await found;
    writeFileSync(lastPath, sampleReport(2021, GOV, { carryover: 3 }));
    const cleared = carryoverWhen(c, self, (ds) => ds.length === 0);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(lastPath).href, type: FileChangeType.Changed }] });
    await cleared;
    await c.dispose();
  });

  it('opening other bodies’ reports of the same folder does not check this year’s report again; last year’s of its body does', async () => {
    const dir = folder();
    const bodies = ['青禾县市场监督管理局', '青禾县交通运输局', '白沙镇人民政府'];
    for (const b of bodies) writeFileSync(join(dir, name(2022, b)), sampleReport(2022, b));
    writeFileSync(join(dir, name(2021)), sampleReport(2021, GOV, { carryover: 3 }));
    writeFileSync(join(dir, name(2022)), sampleReport(2022, GOV, { carried: 3 }));
    const c = await startPair();
    const self = pathToFileURL(join(dir, name(2022))).href;
    await c.open(self, 'nianbao', readFileSync(join(dir, name(2022)), 'utf8'));
    const count = () => c.published.filter((p) => p.uri === self).length;
    const before = count();
    for (const b of bodies) await c.open(pathToFileURL(join(dir, name(2022, b))).href, 'nianbao', readFileSync(join(dir, name(2022, b)), 'utf8'));
    // Last year's report of this body, opened and edited: this year's is checked again.
    const last = pathToFileURL(join(dir, name(2021))).href;
    await c.open(last, 'nianbao', readFileSync(join(dir, name(2021)), 'utf8'));
    const found = carryoverWhen(c, self, (ds) => ds.length > 0);
    setRow(c, last, '四、结转下年度继续办理', 4);
    await found;
    // Only last year's edit re-published it: the three other bodies' reports did not.
    assert.equal(count(), before + 1);
    await c.dispose();
  });

  it('a client that tells of no file changes: last year’s file written on disk is seen when a report is opened', async () => {
    const dir = folder();
    const self = pathToFileURL(join(dir, name(2022))).href;
    writeFileSync(join(dir, name(2022)), sampleReport(2022, GOV, { carried: 3 }));
    // Another body's report, read by the first lookup (its name says nothing).
    const other = join(dir, 'other.txt');
    writeFileSync(other, sampleReport(2022, '青禾县市场监督管理局'));
    const c = await startPair({
      capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: false } } },
    });
    assert.equal(carryovers(await c.open(self, 'nianbao', sampleReport(2022, GOV, { carried: 3 }))).length, 0);
    writeFileSync(join(dir, name(2021)), sampleReport(2021, GOV, { carryover: 2 }));
    const found = carryoverWhen(c, self, (ds) => ds.length === 2);
    // The other report opened, as it is on disk: the folder is looked at again.
    await c.open(pathToFileURL(other).href, 'nianbao', readFileSync(other, 'utf8'));
    await found;
    await c.dispose();
  });

  it('a renamed body paired by the config’s pairs, across folders; reports filed in year folders are looked for beside their folder', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'old'));
    mkdirSync(join(dir, 'new'));
    mkdirSync(join(dir, '2021'));
    mkdirSync(join(dir, '2022'));
    writeFileSync(join(dir, 'old', 'a.txt'), sampleReport(2021, '青禾县工商行政管理局', { carryover: 2 }));
    writeFileSync(join(dir, 'new', 'b.txt'), sampleReport(2022, '青禾县市场监督管理局', { carried: 1 }));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ pairs: [['old/a.txt', 'new/b.txt']] }));
    writeFileSync(join(dir, '2021', name(2021)), sampleReport(2021, GOV, { carryover: 6 }));
    writeFileSync(join(dir, '2022', name(2022)), sampleReport(2022, GOV, { carried: 5 }));
    const c = await startPair();
    const paired = await c.open(pathToFileURL(join(dir, 'new', 'b.txt')).href, 'nianbao', readFileSync(join(dir, 'new', 'b.txt'), 'utf8'));
    assert.equal(carryovers(paired)[0]?.relatedInformation?.[0]?.location.uri, pathToFileURL(join(dir, 'old', 'a.txt')).href);
    const filed = await c.open(pathToFileURL(join(dir, '2022', name(2022))).href, 'nianbao', readFileSync(join(dir, '2022', name(2022)), 'utf8'));
    assert.equal(carryovers(filed)[0]?.relatedInformation?.[0]?.location.uri, pathToFileURL(join(dir, '2021', name(2021))).href);
    await c.dispose();
  });

  it('hover on 二、上年结转: last year’s figure for the column and where it came from; without last year’s report, how to pair', async () => {
    const dir = folder();
    writeFileSync(join(dir, name(2021)), sampleReport(2021, GOV, { carryover: 4 }));
    const self = pathToFileURL(join(dir, name(2022))).href;
    const alone = pathToFileURL(join(dir, name(2022, '青禾县市场监督管理局'))).href;
    writeFileSync(join(dir, name(2022)), sampleReport(2022, GOV, { carried: 3 }));
    writeFileSync(join(dir, name(2022, '青禾县市场监督管理局')), sampleReport(2022, '青禾县市场监督管理局', { carried: 3 }));
    const c = await startPair();
    await c.open(self, 'nianbao', sampleReport(2022, GOV, { carried: 3 }));
    const hoverAt = async (uri: string, k: number, label = '二、上年结转') =>
      ((await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: cellAt(c.text(uri), label, k) })).contents as { value: string }).value;
    const lastText = readFileSync(join(dir, name(2021)), 'utf8');
    const at = cellAt(lastText, '四、结转下年度', 1);
    const zh = await hoverAt(self, 1);
    assert.match(zh, /\*\*上年报告\*\*: 2021年“四、结转下年度继续办理”（自然人）为 \*\*4\*\*/);
    assert.ok(
      zh.includes(`来自 [${name(2021)}:${at.line + 1}:${at.character + 1}](${pathToFileURL(join(dir, name(2021))).href}#L${at.line + 1},${at.character + 1})`),
      zh,
    );
    // Another row: nothing about last year.
    assert.doesNotMatch(await hoverAt(self, 1, '一、本年新收'), /上年报告/);
    await c.open(alone, 'nianbao', sampleReport(2022, '青禾县市场监督管理局', { carried: 3 }));
    const none = await hoverAt(alone, 7);
    assert.match(none, /未找到同一机关2021年的报告/);
    assert.match(none, /\.nianbaorc\.json.*"pairs"/);
    await c.dispose();
  });
});

/** Several years of one body (breaks in 2021's carry-over and 2022's stock, 2022 twice, a gap before 2024) and its office's consistent reports in a subfolder. */
function series(): { dir: string; files: string[] } {
  const dir = folder();
  const files: string[] = [];
  const put = (file: string, text: string) => {
    writeFileSync(join(dir, file), text);
    files.push(file);
  };
  put(name(2019), sampleReport(2019, GOV, { carryover: 2, active: { 规章: [1, 1, 3], 规范性文件: [2, 2, 18], 行政许可: [10, '+2', 5] } }));
  put(name(2020), sampleReport(2020, GOV, { carried: 2, carryover: 4, active: { 规章: [0, 0, 3], 规范性文件: [1, 1, 19], 行政许可: [12, '0', 5] } }));
  put(name(2021), sampleReport(2021, GOV, { carried: 3, carryover: 1, active: { 规章: [0, 0, 3], 行政规范性文件: [2, 0, 21] } }));
  const y2022 = sampleReport(2022, GOV, { carried: 1, carryover: 0, active: { 规章: [0, 0, 3], 行政规范性文件: [2, 1, 25] } });
  put(name(2022), y2022);
  put(name(2022).replace('.txt', '.md'), y2022);
  put(name(2024), sampleReport(2024, GOV, { carried: 7 }));
  const office = `${GOV}办公室`;
  mkdirSync(join(dir, 'office'));
  put(join('office', name(2021, office)), sampleReport(2021, office, { carryover: 6, active: { 规章: [0, 0, 0], 行政规范性文件: [1, 0, 1] } }));
  put(join('office', name(2022, office)), sampleReport(2022, office, { carried: 6, active: { 规章: [0, 0, 0], 行政规范性文件: [0, 0, 1] } }));
  return { dir, files };
}

interface CliFinding {
  code: string;
  line: number;
  column: number;
  message: string;
  related?: { file: string; line: number; column: number }[];
}

describe('the editor and the CLI agree', () => {
  it('each report of a folder opened alone gets the findings across years that `nianbao check DIR` gives it, on the same cells, pointing to the same places', async () => {
    const { dir, files } = series();
    const r = spawnSync(process.execPath, [join(ROOT, 'server/out/cli.js'), 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    const cli = new Map((JSON.parse(r.stdout) as { file: string; findings: CliFinding[] }[]).map((f) => [f.file, f.findings]));
    const show = (code: string, line: number, column: number, message: string, related: { file: string; line: number; column: number }[]) =>
      `${line}:${column} ${code} ${message}${related.map((x) => ` → ${x.file}:${x.line}:${x.column}`).join('')}`;
    const ofEditor = (p: PublishDiagnosticsParams) =>
      p.diagnostics
        .filter((d) => String(d.code).startsWith('crossyear.'))
        .map((d) =>
          show(
            String(d.code),
            d.range.start.line + 1,
            d.range.start.character + 1,
            d.message,
            (d.relatedInformation ?? []).map((x) => ({
              file: x.location.uri.slice(pathToFileURL(dir).href.length + 1),
              line: x.location.range.start.line + 1,
              column: x.location.range.start.character + 1,
            })),
          ),
        );
    const ofCli = (file: string) =>
      (cli.get(file) ?? [])
        .filter((f) => f.code.startsWith('crossyear.'))
        .map((f) =>
          show(
            f.code,
            f.line,
            f.column,
            f.message,
            (f.related ?? []).map((x) => ({ ...x, file: encodeURI(x.file) })),
          ),
        );
    let compared = 0;
    for (const file of files) {
      const c = await startPair();
      const uri = pathToFileURL(join(dir, file)).href;
      const p = await c.open(uri, file.endsWith('.md') ? 'markdown' : 'nianbao', readFileSync(join(dir, file), 'utf8'));
      assert.deepEqual(ofEditor(p), ofCli(file), file);
      compared += ofCli(file).length;
      await c.dispose();
    }
    // 2021's two carry-over breaks, 2022's stock break in each of its two files, 2024's gap.
    assert.equal(compared, 5);
    // "Check all reports in the workspace": the same, from disk.
    const c = await startPair();
    await c.request('workspace/executeCommand', { command: COMMANDS.checkWorkspace, arguments: [pathToFileURL(dir).href] });
    for (const file of files) assert.deepEqual(ofEditor(c.latest(pathToFileURL(join(dir, file)).href)!), ofCli(file), `check all: ${file}`);
    await c.dispose();
  });
});

describe('the lookup’s caps', () => {
  it('a folder of many files: no more than the cap listed and read; the second lookup reads nothing again', () => {
    const dir = folder();
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `其他${String(i).padStart(2, '0')}.txt`), sampleReport(2021, `青禾县第${i}局`));
    const self = join(dir, name(2022));
    const text = sampleReport(2022, GOV, { carried: 3 });
    writeFileSync(self, text);
    const lookup = new PreviousReports({ filesPerFolder: 25, foldersPerFolder: 10, bytesPerFile: 1 << 20, bytesPerLookup: 1 << 30, extracts: 100 });
    const report = parse(text);
    lookup.lookup(pathToFileURL(self).href, report, { format: 'auto', rules: {} });
    assert.equal(lookup.stats.filesRead, 24, 'the cap of 25 files, this year’s own among them');
    lookup.watching = true;
    lookup.generation++;
    lookup.lookup(pathToFileURL(self).href, report, { format: 'auto', rules: {} });
    assert.equal(lookup.stats.filesRead, 24);
  });

  it('a file whose name names another body or a later year is not read; one whose name says neither is', () => {
    const dir = folder();
    writeFileSync(join(dir, name(2021, '青禾县市场监督管理局')), sampleReport(2021, '青禾县市场监督管理局'));
    writeFileSync(join(dir, name(2023)), sampleReport(2023, GOV));
    writeFileSync(join(dir, 'draft.txt'), sampleReport(2021, GOV, { carryover: 4 }));
    const self = join(dir, name(2022));
    const text = sampleReport(2022, GOV, { carried: 3 });
    writeFileSync(self, text);
    const lookup = new PreviousReports();
    const found = lookup.lookup(pathToFileURL(self).href, parse(text), { format: 'auto', rules: {} });
    assert.equal(lookup.stats.filesRead, 1);
    assert.equal(found.crossyear?.previous?.file, join(dir, 'draft.txt'));
  });

  it('bytes: a file over the per-file cap is not read; a lookup reads no more than its budget', () => {
    const dir = folder();
    const one = sampleReport(2021, GOV, { carryover: 4 });
    writeFileSync(join(dir, 'a.txt'), one);
    writeFileSync(join(dir, 'b.txt'), one + '\n'.repeat(5000));
    writeFileSync(join(dir, 'c.txt'), sampleReport(2020, GOV));
    const self = join(dir, name(2022));
    const text = sampleReport(2022, GOV, { carried: 3 });
    writeFileSync(self, text);
    const bytes = Buffer.byteLength(one);
    const lookup = new PreviousReports({ filesPerFolder: 100, foldersPerFolder: 10, bytesPerFile: bytes + 100, bytesPerLookup: bytes + 100, extracts: 100 });
    const found = lookup.lookup(pathToFileURL(self).href, parse(text), { format: 'auto', rules: {} });
    // a.txt read; b.txt over the per-file cap; c.txt over what is left of the budget.
    assert.deepEqual(lookup.stats, { filesRead: 1, bytesRead: bytes });
    assert.equal(found.crossyear?.previous?.file, join(dir, 'a.txt'));
  });
});
