/**
 * The official blank 2021 template (../shared/corpus/templates, a real Word file; skipped when
 * absent), read by the .docx reader: the six sections, the three tables with every row of the
 * 2021 format, read with certainty, every value cell blank.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, showReport } from '../../server/src/core';
import { readReport } from '../../server/src/host/read';
import { ROOT } from '../helpers';

const TEMPLATE = join(ROOT, '..', 'shared', 'corpus', 'templates', '2021-format-template-blank.docx');

describe('the official blank template as .docx', { skip: existsSync(TEMPLATE) ? false : `${TEMPLATE} not found` }, () => {
  it('six sections, three tables of the 2021 format read with certainty, every cell blank', () => {
    const r = readReport(TEMPLATE);
    assert.ok(!('error' in r), 'error' in r ? r.error : '');
    assert.equal(r.kind, 'docx');
    const shown = showReport(check(r.text), 'template.docx');
    assert.equal(shown.format, '2021');
    assert.deepEqual(
      shown.sections.map((s) => s.heading),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    assert.deepEqual(
      shown.tables.map((t) => [t.id, t.confidence, t.missingBlocks.length]),
      [
        ['active', 'certain', 0],
        ['requests', 'certain', 0],
        ['review', 'certain', 0],
      ],
    );
    const cells = shown.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((row) => row.cells)));
    assert.equal(cells.length, 6 + 1 + 2 + 1 + 25 * 7 + 15);
    assert.ok(cells.every((c) => c.state === 'blank'));
  });
});
