/**
 * The format registry as the code declares it: every declaration consistent, the years one
 * unbroken run from the first format on with the newest open, and the year → format rule the one
 * the parser, the template and the settings share.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blockFormats,
  firstFormatYear,
  formatById,
  formatChoices,
  formatForYear,
  formatIds,
  formatProblems,
  formats,
  parse,
  reportTemplate,
  templateFormat,
} from '../../server/src/core';

describe('format registry', () => {
  it('declares 2019 and 2021, oldest first, each consistent', () => {
    assert.deepEqual(formatIds(), ['2019', '2021']);
    for (const f of formats()) assert.deepEqual(formatProblems(f), [], f.id);
    assert.equal(formats(), formats(), 'the same array while nothing changes');
  });

  it('covers every year from the first on, without a gap or an overlap, the newest open', () => {
    const all = formats();
    for (let i = 1; i < all.length; i++) assert.equal(all[i]!.years[0], (all[i - 1]!.years[1] ?? Number.NaN) + 1, all[i]!.id);
    assert.equal(all[all.length - 1]!.years[1], null);
    assert.equal(firstFormatYear(), 2019);
    assert.equal(formatForYear(2018), null);
    assert.equal(formatForYear(2019), '2019');
    assert.equal(formatForYear(2020), '2019');
    assert.equal(formatForYear(2021), '2021');
    assert.equal(formatForYear(2099), '2021');
  });

  it('a block belongs to the formats that list it; 表四 to every one', () => {
    for (const f of formats()) for (const list of Object.values(f.blocks)) for (const b of list) assert.ok(blockFormats(b).includes(f.id), b.id);
    assert.deepEqual(blockFormats(formatById('2019')!.blocks.review[0]!), ['2019', '2021']);
    assert.deepEqual(blockFormats(formatById('2021')!.blocks.requests[0]!), ['2021']);
  });

  it('the template, the parser and the settings follow the same year rule', () => {
    for (const year of [2019, 2020, 2021, 2024]) {
      assert.equal(templateFormat(year).id, formatForYear(year));
      const r = parse(reportTemplate(year));
      assert.equal(r.formatByYear, formatForYear(year));
      assert.equal(r.format, formatForYear(year));
    }
    // Before the first format, the template is in the oldest.
    assert.equal(templateFormat(2015).id, '2019');
    assert.deepEqual(formatChoices(), ['auto', '2019', '2021']);
  });

  it('an unknown forced format is an error, not a silent guess', () => {
    assert.throws(() => parse('x', { format: '2040' }), /unknown format "2040"/);
  });
});
