/**
 * A table whose labels and numbers the reader could not put in order (a PDF's narrow, wrapped label
 * column): the labels not found may be in the part that could not be placed, so nianbao says once
 * that the table is unsure and calls no row missing. Before: five confident table.row-missing errors
 * on a PDF whose only mistake was one wrong total.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { ROOT } from '../helpers';

const text = readFileSync(join(ROOT, 'test/fixtures/pdf-reader/wrapped-labels-wrong-total.txt'), 'utf8');

describe('rows out of order are not missing rows', () => {
  it('a PDF text with wrapped labels and one wrong total: one unsure finding, no missing row', () => {
    const findings = check(text).findings;
    assert.deepEqual(
      findings.filter((f) => f.rule === 'table.row-missing'),
      [],
    );
    const unsure = findings.filter((f) => f.rule === 'table.unreadable');
    assert.equal(unsure.length, 1);
    assert.match(unsure[0]!.message.zh, /表三.*另有 \d+ 行未在文字中找到.*未按缺行报告/);
    // Nothing is fixed in a table read with uncertainty.
    assert.ok(findings.every((f) => !f.fix));
  });

  it('a truncated paste, read in order, still names its missing rows', () => {
    const clean = readFileSync(join(ROOT, 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt'), 'utf8');
    const cut = clean.replace(/^\t*3\.补正后申请内容仍不明确.*\n/m, '');
    assert.notEqual(cut, clean);
    const missing = check(cut).findings.filter((f) => f.rule === 'table.row-missing');
    assert.equal(missing.length, 1);
    assert.match(missing[0]!.message.zh, /补正后申请内容仍不明确/);
  });
});
