/**
 * `nianbao check --format html` and `--format junit` as an auditor and a CI server read them: the
 * built bundle on real files, the page parsed as a browser parses it (parse5), the XML by a strict
 * parser (saxes). The page in a real browser is test/e2e/html-report.js (`npm run test:e2e`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { SaxesParser } from 'saxes';
import { htmlWriter, TABLES_SHOWN } from '../../server/src/cli/html';
import { Summary } from '../../server/src/cli/output';
import { ROOT } from '../helpers';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const CLI = join(ROOT, 'server/out/cli.js');
const ERRORS = join(ROOT, 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
const MISMATCH = join(ROOT, 'examples/errors/石门街道办事处2022年政府信息公开工作年度报告.txt');
const CLEAN = join(ROOT, 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NIANBAO_LOCALE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function elements(n: Node, out: Element[] = []): Element[] {
  if ('tagName' in n) out.push(n);
  const kids = 'childNodes' in n ? n.childNodes : [];
  for (const k of kids) elements(k, out);
  if ('content' in n && n.content) elements(n.content as Node, out);
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const classes = (e: Element) => (attr(e, 'class') ?? '').split(/\s+/);
function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(text).join('') : '';
}

function page(html: string) {
  const all = elements(parse(html));
  const stat = (kind: string) => {
    const s = all.find((e) => attr(e, 'data-stat') === kind);
    return s ? Number(text(s).match(/^\d+/)![0]) : undefined;
  };
  const sections = all.filter((e) => e.tagName === 'section' && classes(e).includes('report'));
  return { all, stat, sections };
}

/** Nothing that runs or loads: no script, no event handler, no URL outside the page. */
function assertInert(all: Element[], html: string) {
  assert.equal(all.filter((e) => ['script', 'iframe', 'object', 'embed', 'img', 'link'].includes(e.tagName)).length, 0);
  for (const e of all)
    for (const a of e.attrs) {
      assert.ok(!a.name.startsWith('on'), `event handler ${a.name} on <${e.tagName}>`);
      if (a.name === 'href' || a.name === 'src') assert.match(a.value, /^#/, `external URL ${a.value}`);
    }
  assert.ok(!/url\(/i.test(html), 'no url() in the styles');
  assert.ok(!/https?:\/\//.test(html), 'no address outside the page');
}

describe('nianbao check --format html', () => {
  it('one page: the summary counts what was checked, the wrong cell is red with its expected value', () => {
    const r = run(['check', '--format', 'html', ERRORS, MISMATCH, CLEAN]);
    assert.equal(r.code, 1, r.err);
    const { all, stat, sections } = page(r.out);
    assertInert(all, r.out);
    // The same totals as the run's last line on stderr says.
    const said = r.err
      .match(/检查了 (\d+) 个文件.*：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示/)!
      .slice(1)
      .map(Number);
    assert.ok(said[1]! >= 6, 'the two drafts with errors have six');
    assert.deepEqual([stat('files'), stat('errors'), stat('warnings'), stat('notes'), stat('tables'), stat('not-checked')], [...said, 9, 0]);
    // The summary comes last in the file (written when the totals are known) and first on screen.
    const summary = all.find((e) => attr(e, 'id') === 'summary')!;
    assert.ok(r.out.indexOf('id="summary"') > r.out.lastIndexOf('class="report'));
    assert.match(r.out, /\.summary\{order:-1/);
    assert.match(text(summary), /2021年版\s*2023\s*1/);
    assert.match(text(summary), /2019年版\s*2022\s*1/);
    const byRule = all.filter((e) => attr(e, 'data-rule') === 'table.group-total').map(text);
    assert.deepEqual(byRule, ['table.group-total表四合计不符100']);
    // Worst files first, linked to their section.
    const worst = all.filter((e) => e.tagName === 'a' && attr(e, 'href')?.startsWith('#r')).map((e) => [text(e), attr(e, 'href')]);
    assert.deepEqual(worst[0], ['examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt', '#r1']);
    // One section per report, in input order; the clean one says so and draws no table.
    assert.deepEqual(
      sections.map((s) => attr(s, 'id')),
      ['r1', 'r2', 'r3'],
    );
    assert.match(text(sections[2]!), /未发现问题/);
    assert.equal(elements(sections[2]!).filter((e) => e.tagName === 'table').length, 0);
    // The wrong cells: （七）总计·自然人 (7, should be 6), 行政复议·总计 (2, should be 1), the blank total (2).
    const wrong = elements(sections[0]!).filter((e) => e.tagName === 'td' && classes(e).includes('wrong'));
    const shown = wrong.map((e) => text(e));
    assert.ok(shown.includes('7应为 6'), shown.join(' | '));
    assert.ok(shown.includes('2应为 1'), shown.join(' | '));
    assert.ok(shown.includes('空白应为 2'), shown.join(' | '));
    const seven = wrong.find((e) => text(e) === '7应为 6')!;
    assert.match(attr(seven, 'title')!, /^325:2\n.*“（七）总计·自然人”应为 6/s);
    // Its row and column as the auditor reads them.
    const row = all.find((e) => e.tagName === 'tr' && e.childNodes.includes(seven))!;
    assert.match(text(row), /^（七）总计/);
  });

  it('the same page from worker threads as from the main thread (but for the time it was made)', () => {
    const page = (jobs: string) =>
      run(['check', '--format', 'html', '--jobs', jobs, ERRORS, MISMATCH, CLEAN]).out.replace(/ · (生成|generated) [\d-]+ [\d:]+ UTC/, '');
    const one = page('1');
    assert.equal(page('2'), one);
    assert.equal((one.match(/class="grid"/g) ?? []).length, 13, 'the 6 tables of blocks of one report with errors, the 7 of the other');
  });

  it('--locale en: the page and the messages in English', () => {
    const r = run(['check', '--format', 'html', '--locale', 'en', ERRORS]);
    const { all, stat } = page(r.out);
    assert.equal(attr(all.find((e) => e.tagName === 'html')!, 'lang'), 'en');
    assert.equal(stat('errors'), Number(r.err.match(/: (\d+) error\(s\)/)![1]));
    const wrong = all.filter((e) => e.tagName === 'td' && classes(e).includes('wrong')).map(text);
    assert.ok(wrong.includes('2expected 1'), wrong.join(' | '));
    assert.match(r.out, /Reports checked|reports checked/);
    assert.ok(!/[应为]/.test(wrong.join('')));
  });

  it('hostile text in a file name and in the quoted report text is shown as text, never as markup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-html-'));
    const name = `a<script>alert(1)<b>&"'.txt`;
    const hostile = readFileSync(ERRORS, 'utf8')
      .replace('五、存在的问题及改进情况', '五、存在的问题<script>alert("x&y")</script>及改进情况')
      .replace('[bookmark: _GoBack]', `[bookmark: <img src=x onerror=alert(1)>&"']`);
    writeFileSync(join(dir, name), hostile);
    const r = run(['check', '--format', 'html', name], dir);
    assert.equal(r.code, 1, r.err);
    const { all, sections } = page(r.out);
    assertInert(all, r.out);
    assert.equal(text(elements(sections[0]!).find((e) => e.tagName === 'h2')!), name);
    const messages = elements(sections[0]!)
      .filter((e) => e.tagName === 'td')
      .map(text);
    assert.ok(messages.some((m) => m.includes('五、存在的问题<script>alert("x&y")</script>及改进情况')));
    assert.ok(messages.some((m) => m.includes('<img src=x onerror=alert(1)>&')));
  });

  it('a file that cannot be checked has its section and is counted; the page still ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-html-'));
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天天气很好。\n');
    copyFileSync(CLEAN, join(dir, 'clean.txt'));
    const r = run(['check', '--format', 'html', 'clean.txt', 'notes.txt'], dir);
    assert.equal(r.code, 2);
    const { stat, sections } = page(r.out);
    assert.equal(stat('failed'), 1);
    assert.equal(stat('files'), 1);
    assert.match(text(sections[1]!), /notes\.txt.*无法检查.*不像政府信息公开工作年度报告/s);
    assert.match(r.out, /<\/html>\n$/);
  });

  it(`tables are drawn for the first ${TABLES_SHOWN} reports with errors; the summary says how many more were left out`, () => {
    const w = htmlWriter('zh');
    const summary = new Summary();
    let out = w.begin();
    for (let i = 0; i < TABLES_SHOWN + 3; i++)
      out += w.place({ text: `<section class="report" id="r${i + 1}">`, items: 0, tables: '<table class="grid"></table>' }, i === 0);
    out += w.end(summary);
    const { all } = page(out);
    assert.equal(all.filter((e) => classes(e).includes('grid')).length, TABLES_SHOWN);
    assert.match(text(all.find((e) => attr(e, 'id') === 'summary')!), new RegExp(`最多 ${TABLES_SHOWN} 份；另有 3 份有错误的报告只列出问题`));
  });
});

/** The XML's elements, each with its attributes and text, by a parser that refuses what is not well-formed XML. */
function xml(s: string) {
  const parser = new SaxesParser();
  const found: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: (typeof found)[number][] = [];
  parser.on('opentag', (t) => {
    const e = { name: t.name, attributes: t.attributes as Record<string, string>, text: '' };
    found.push(e);
    open.push(e);
  });
  parser.on('text', (t) => {
    if (open.length) open[open.length - 1]!.text += t;
  });
  parser.on('closetag', () => open.pop());
  parser.write(s).close();
  return found;
}

describe('nianbao check --format junit', () => {
  it('one test case per file: errors fail it, warnings are its output, an unreadable file is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-junit-'));
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天天气很好。\n');
    const hostile = `b&<x>"'.txt`;
    writeFileSync(join(dir, hostile), readFileSync(ERRORS, 'utf8').replace('五、存在的问题及改进情况', '五、存在的问题<script>&\u0001</script>及改进情况'));
    copyFileSync(CLEAN, join(dir, 'clean.txt'));
    const r = run(['check', '--format', 'junit', hostile, 'clean.txt', 'notes.txt'], dir);
    assert.equal(r.code, 2);
    const els = xml(r.out);
    const cases = els.filter((e) => e.name === 'testcase');
    assert.deepEqual(
      cases.map((c) => c.attributes.name),
      [hostile, 'clean.txt', 'notes.txt'],
    );
    const failure = els.find((e) => e.name === 'failure')!;
    assert.equal(failure.attributes.message, '4 个错误');
    assert.match(failure.text, /:375:2 error table\.group-total “行政复议·总计”应为 1/);
    const out = els.find((e) => e.name === 'system-out')!;
    assert.match(out.text, /五、存在的问题<script>&<\/script>及改进情况/);
    assert.equal(els.filter((e) => e.name === 'error').length, 1);
    assert.match(els.find((e) => e.name === 'error')!.text, /不像政府信息公开工作年度报告/);
  });

  it('a clean run: every case passes, exit 0', () => {
    const r = run(['check', '--format', 'junit', '--locale', 'en', CLEAN]);
    assert.equal(r.code, 0);
    const els = xml(r.out);
    assert.equal(els.filter((e) => e.name === 'testcase').length, 1);
    assert.equal(els.filter((e) => e.name === 'failure' || e.name === 'error').length, 0);
  });
});
