/**
 * A third format, declared through the registry's public API and nothing else: a copy of the 2021
 * declaration whose 表三 renames one row, for the reports of 2030 on (the 2021 format then ends
 * with 2029). The parser must tell it, the arithmetic rules check it, the template write it, the
 * config and settings accept it. The registry is restored afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  applyFixes,
  type BlockDecl,
  blockFormats,
  check,
  closeFormat,
  type FormatDecl,
  formatById,
  formatChoices,
  formatForYear,
  formatIds,
  formats,
  formatSettingText,
  msg,
  parse,
  parseConfig,
  preferredFixes,
  registerFormat,
  reportTemplate,
  resetFormats,
} from '../../server/src/core';
import { readSettings } from '../../server/src/service/settings';
import { render, specArb } from '../property/gen';

const OLD_LABEL = '2.重复申请';
const NEW_LABEL = '2.重复提出相同申请';

function format2030(): FormatDecl {
  const f2021 = formatById('2021')!;
  const old = f2021.blocks.requests[0]!;
  const requests: BlockDecl = {
    ...old,
    id: 'requests@2030',
    rows: old.rows.map((r) => (r.id === 'rejected.repeat' ? { ...r, name: msg('（五）不予处理·2.重复提出相同申请', r.name.en), labels: [NEW_LABEL] } : r)),
    // The renamed row marks the new variant, beside the labels 2021 introduced.
    markers: [...old.markers, NEW_LABEL],
  };
  return {
    ...f2021,
    id: '2030',
    name: msg('2030年版格式（测试）', '2030 format (test)'),
    source: '国办公开办函〔2030〕1号',
    years: [2030, null],
    blocks: { ...f2021.blocks, requests: [requests] },
  };
}

/** A clean 2021-format report of 2022, as the 2030 format would have it: the year and the renamed row. */
function report2030(): string {
  const r = check(reportTemplate(2022, '某局'));
  assert.equal(r.report.format, '2021');
  // Every blank cell 0: a clean report.
  const lines = r.report.text.split('\n').map((l) =>
    l.includes('\t')
      ? l
          .split('\t')
          .map((c) => c || '0')
          .join('\t')
      : l,
  );
  const text = lines.join('\n').split('2022').join('2030');
  assert.ok(text.includes(OLD_LABEL));
  return text.replace(OLD_LABEL, NEW_LABEL);
}

describe('a third format, by declaration only', () => {
  before(() => {
    closeFormat('2021', 2029);
    registerFormat(format2030());
  });
  after(() => {
    resetFormats();
  });

  it('is in the registry, oldest first, with the years closed and opened', () => {
    assert.deepEqual(formatIds(), ['2019', '2021', '2030']);
    assert.deepEqual(formatById('2021')!.years, [2021, 2029]);
    assert.equal(formatForYear(2029), '2021');
    assert.equal(formatForYear(2030), '2030');
    assert.equal(formatForYear(2045), '2030');
    // 表二 and 表四 are the 2021 blocks themselves: they belong to both formats now.
    const f = formatById('2030')!;
    assert.deepEqual(blockFormats(f.blocks.active[0]!), ['2021', '2030']);
    assert.deepEqual(blockFormats(f.blocks.review[0]!), ['2019', '2021', '2030']);
    assert.deepEqual(blockFormats(f.blocks.requests[0]!), ['2030']);
  });

  it('refuses a declaration whose years overlap another', () => {
    assert.throws(() => registerFormat({ ...format2030(), id: '2040', years: [2040, null] }), /overlap/);
    assert.throws(() => registerFormat({ ...format2030(), years: [2050, null] }), /twice|overlap/);
  });

  it('(a) is detected by the parser in a 2030 report written with the renamed row', () => {
    const text = report2030();
    const report = parse(text);
    assert.equal(report.year, 2030);
    assert.equal(report.formatByYear, '2030');
    assert.equal(report.format, '2030');
    const requests = report.tables.find((t) => t.decl.id === 'requests')!;
    assert.equal(requests.blocks[0]!.decl.id, 'requests@2030');
    assert.equal(requests.blocks[0]!.evidence, 'marked');
    assert.ok(requests.blocks[0]!.rows.some((r) => r.decl.labels[0] === NEW_LABEL));
    const findings = check(text).findings;
    assert.deepEqual(
      findings.filter((f) => f.rule.startsWith('format.') || f.rule.startsWith('table.')),
      [],
    );
    // Forced, too.
    assert.equal(parse(text, { format: '2030' }).format, '2030');
  });

  it('(a) a 2030 report in the 2021 tables is a format mismatch', () => {
    const text = reportTemplate(2025, '某局').split('2025').join('2030');
    const r = check(text);
    assert.equal(r.report.format, '2021');
    assert.ok(r.findings.some((f) => f.rule === 'format.mismatch' && f.message.zh.includes('2030年版格式（测试）')));
  });

  it('(b) is checked: a wrong 总计 in the renamed row is found and fixed', () => {
    // The renamed row's 自然人 is 3, its 总计 still 0.
    const text = report2030().replace(`${NEW_LABEL}\t0`, `${NEW_LABEL}\t3`);
    const r = check(text);
    assert.equal(r.report.format, '2030');
    const rowTotal = r.findings.filter((f) => f.rule === 'table.row-total');
    assert.equal(rowTotal.length, 1);
    assert.ok(rowTotal[0]!.message.zh.includes('重复提出相同申请'), rowTotal[0]!.message.zh);
    assert.ok(r.findings.some((f) => f.rule === 'table.result-total'));
    const fixed = applyFixes(text, preferredFixes(r.findings)).text;
    assert.deepEqual(
      check(fixed).findings.filter((f) => f.rule.startsWith('table.')),
      [],
    );
  });

  it('(a)(b) generated reports of every format, in every layout, read as their format with no finding', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(specArb(), (spec) => {
        seen.add(spec.format);
        const r = check(render(spec, spec.style, true).text);
        assert.equal(r.report.format, spec.format);
        assert.deepEqual(
          r.findings.map((f) => `${f.rule}: ${f.message.zh}`),
          [],
        );
      }),
      { numRuns: 60 },
    );
    assert.ok(seen.has('2030'));
  });

  it('(c) is produced by the template for 2030, which parses back as the new format', () => {
    const text = reportTemplate(2030, '某局');
    assert.ok(text.includes('国办公开办函〔2030〕1号'));
    assert.ok(text.includes(NEW_LABEL));
    assert.ok(!text.includes(OLD_LABEL));
    // The 2021 format's topics for 一 and 六 come with the copy.
    assert.ok(text.includes('（五）监督保障'));
    const report = parse(text);
    assert.equal(report.format, '2030');
    assert.ok(!reportTemplate(2029, '某局').includes(NEW_LABEL));
  });

  it('is a value of the config and the settings, and in their texts', () => {
    assert.deepEqual(formatChoices(), ['auto', '2019', '2021', '2030']);
    assert.equal(parseConfig('{"format":"2030"}').format, '2030');
    assert.throws(() => parseConfig('{"format":"2040"}'), /"auto"、"2019"、"2021" 或 "2030" \/ must be "auto", "2019", "2021" or "2030"/);
    assert.equal(readSettings({ format: '2030' }).format, '2030');
    assert.match(formatSettingText().en, /2021 format for 2021–2029, 2030 format from 2030 on\); `2019`, `2021` or `2030` forces one/);
  });

  it('leaves no trace once the registry is reset', () => {
    resetFormats();
    try {
      assert.deepEqual(formatIds(), ['2019', '2021']);
      assert.equal(formatForYear(2030), '2021');
      assert.equal(parse(report2030()).format, '2021');
      assert.ok(!reportTemplate(2030).includes(NEW_LABEL));
      assert.equal(formats().length, 2);
    } finally {
      closeFormat('2021', 2029);
      registerFormat(format2030());
    }
  });
});
