/**
 * `show`: the report as nianbao read it. The JSON carries every cell with its place, state and
 * confidence; the grid aligns Han characters as two columns and marks what a finding names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, displayWidth, renderShown, showReport } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';
import { read } from '../helpers';

const ERRORS_2023 = 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';

describe('show', () => {
  it('JSON: version, format, sections, and every cell at its line and character', () => {
    const text = read(ERRORS_2023);
    const r = check(text);
    const shown = JSON.parse(JSON.stringify(showReport(r, ERRORS_2023)));
    assert.equal(shown.version, 1);
    assert.equal(shown.format, '2021');
    assert.equal(shown.year, 2023);
    assert.deepEqual(
      shown.sections.map((s: { number: number }) => s.number),
      [1, 2, 3, 4, 5, 6],
    );
    const requests = shown.tables.find((t: { id: string }) => t.id === 'requests');
    assert.equal(requests.confidence, 'certain');
    const rows = requests.blocks[0].rows;
    assert.equal(rows.length, 25);
    const lines = text.split('\n');
    for (const row of rows)
      for (const c of row.cells) {
        if (c.state !== 'ok') continue;
        assert.equal(lines[c.line - 1]!.slice(c.character, c.character + c.raw.length), c.raw, `${row.label}·${c.header}`);
      }
    // The wrong total is named by its finding.
    const total = rows.find((x: { label: string }) => x.label === '（七）总计').cells.find((c: { header: string }) => c.header === '自然人');
    assert.ok(total.findings.includes('table.result-total'), total.findings.join());
    // …with the value the sums give it, as its message says, and its span in the text.
    assert.match(total.expected, /^\d+$/);
    assert.notEqual(total.expected, total.raw);
    assert.ok(
      total.messages.some((m: string) => m.includes(`应为 ${total.expected}`)),
      total.messages.join(' | '),
    );
    assert.equal(total.length, total.raw.length);
    // A cell no finding names has no expected value.
    const granted = rows.find((x: { label: string }) => x.label === '（一）予以公开').cells[0];
    assert.deepEqual([granted.findings, granted.messages, granted.expected], [[], [], null]);
    const review = shown.tables.find((t: { id: string }) => t.id === 'review');
    assert.equal(review.blocks[0].rows[0].cells[0].header, '行政复议·结果维持');
  });

  it('JSON: a missing cell is placed after the cell before it that was found', () => {
    const text = requestsExample({}).replace(/(（一）予以公开.*?)\t0\t0\n/, '$1\n');
    const rows = showReport(check(text), 'x.txt').tables.find((t) => t.id === 'requests')!.blocks[0]!.rows;
    const granted = rows.find((r) => r.label === '（一）予以公开')!;
    const missing = granted.cells.filter((c) => c.state === 'missing');
    assert.deepEqual(
      missing.map((c) => c.header),
      ['其他', '总计'],
    );
    const line = text.split('\n')[granted.line - 1]!;
    for (const c of missing) assert.deepEqual([c.character, c.length], [line.length, 0], `${c.header} at the row's end`);
  });

  it('text: an aligned grid, blanks blank, uncertain rows and named cells marked', () => {
    const text = requestsExample({ 'granted:natural': '3', 'granted:total': '' }).replace(/（二）部分公开(.*?)(\t0)+\n/, '（二）部分公开$1\n1\n\n0\n0\n');
    const r = check(text);
    const out = renderShown(showReport(r, 'x.txt'), r.report);
    const lines = out.split('\n');
    const header = lines.find((l) => l.includes('自然人'))!;
    const granted = lines.find((l) => l.startsWith('（一）予以公开'))!;
    // Columns right-aligned under their names: the rows end where the header ends.
    assert.equal(displayWidth(granted), displayWidth(header));
    assert.match(granted, /\s0\s+!$/, 'the blank 总计 stays blank, marked by its finding');
    assert.match(lines.find((l) => l.startsWith('（二）部分公开'))!, /^（二）部分公开 \?/);
    assert.match(out, /识别不确定，未核对/);
  });

  it('display width: Han and full-width forms are two columns', () => {
    assert.equal(displayWidth('总计'), 4);
    assert.equal(displayWidth('（一）'), 6);
    assert.equal(displayWidth('a1'), 2);
  });
});
