/**
 * Rule tables: for each rule, texts that pass and texts that fail with the findings a person sees,
 * and what the text reads after the preferred fixes (then checked again: the rule is silent).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, check, checkExample, localize, RULES, type Finding } from '../../server/src/core';
import { requestsExample, REVIEW_HEADER } from '../../server/src/core/rules/examples';

interface Invalid {
  text: string;
  /** Substrings of each finding's Chinese message, in order. */
  errors: string[];
  /** The text after applying this rule's preferred fixes (omit: the rule offers none). */
  output?: string;
}
interface Case {
  valid: string[];
  invalid: Invalid[];
}

function findingsOf(rule: string, text: string): Finding[] {
  return check(text).findings.filter((f) => f.rule === rule);
}

function run(rule: string, cases: Case) {
  describe(rule, () => {
    cases.valid.forEach((text, i) => {
      it(`valid #${i + 1}`, () =>
        assert.deepEqual(
          findingsOf(rule, text).map((f) => localize(f.message, 'zh')),
          [],
        ));
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}`, () => {
        const found = findingsOf(rule, c.text);
        assert.equal(found.length, c.errors.length, found.map((f) => localize(f.message, 'zh')).join('\n'));
        c.errors.forEach((e, k) => {
          assert.ok(localize(found[k]!.message, 'zh').includes(e), `“${localize(found[k]!.message, 'zh')}” should say “${e}”`);
        });
        const fixes = found.filter((f) => f.fix).map((f) => f.fix!);
        if (c.output === undefined) {
          assert.deepEqual(fixes, [], 'no preferred fix');
          return;
        }
        const out = applyFixes(c.text, fixes).text;
        assert.equal(out, c.output);
        assert.deepEqual(findingsOf(rule, out), [], 'after the fix, checking again: the rule is silent');
      });
    });
  });
}

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const body = (headings: string[]) => headings.map((h) => `${h}\n正文。\n`).join('');
const zeros = (n: number) => Array.from({ length: n }, () => '0').join('\t');
const review = (cells: string[]) => `${REVIEW_HEADER}\n${cells.join('\t')}\n`;

run('section.missing', {
  valid: [body(SECTIONS)],
  invalid: [
    {
      text: body([SECTIONS[0]!, SECTIONS[1]!, SECTIONS[3]!, SECTIONS[4]!, SECTIONS[5]!]),
      errors: ['缺少第三部分“三、收到和处理政府信息公开申请情况”'],
      output: `${body([SECTIONS[0]!, SECTIONS[1]!])}三、收到和处理政府信息公开申请情况\n${body(SECTIONS.slice(3))}`,
    },
    {
      // The table is there, the heading is not: insert the heading before it.
      text: body(SECTIONS.slice(0, 2)) + requestsExample({}).replace(/^三、收到和处理政府信息公开申请情况\n/, '') + body(SECTIONS.slice(3)),
      errors: ['缺少第三部分的标题“三、收到和处理政府信息公开申请情况”（其表格已找到）'],
      output: body(SECTIONS.slice(0, 2)) + requestsExample({}) + body(SECTIONS.slice(3)),
    },
  ],
});

run('section.wording', {
  valid: [body(SECTIONS), '## 一、总体情况\n正文。\n'],
  invalid: [
    {
      text: '4、 政府信息公开被申请行政复议、提起行政诉讼情况\n正文。\n',
      errors: ['“4、 政府信息公开被申请行政复议、提起行政诉讼情况”与格式规定不一致，规范写法为“四、政府信息公开行政复议、行政诉讼情况”'],
      output: '四、政府信息公开行政复议、行政诉讼情况\n正文。\n',
    },
    { text: '## 一、工作基本情况\n', errors: ['规范写法为“一、总体情况”'], output: '## 一、总体情况\n' },
    { text: '五、政府信息公开工作存在的主要问题及改进情况\n', errors: ['五、存在的主要问题及改进情况'], output: '五、存在的主要问题及改进情况\n' },
  ],
});

run('section.order', {
  valid: [body(SECTIONS)],
  invalid: [
    {
      text: body([SECTIONS[0]!, SECTIONS[2]!, SECTIONS[1]!, ...SECTIONS.slice(3)]),
      errors: ['“二、主动公开政府信息情况”应排在“三、收到和处理政府信息公开申请情况”之前'],
    },
  ],
});

run('section.duplicate', {
  valid: [body(SECTIONS), '一、总体情况\n（一）主动公开情况\n一、本年新收政府信息公开申请数量\t0\n'],
  invalid: [{ text: body([...SECTIONS, SECTIONS[0]!]), errors: ['第一部分“总体情况”重复出现'] }],
});

run('table.row-total', {
  valid: [
    requestsExample({
      'new:natural': '1',
      'new:legal': '2',
      'new:total': '3',
      'granted:natural': '1',
      'granted:legal': '2',
      'granted:total': '3',
      'total:natural': '1',
      'total:legal': '2',
      'total:total': '3',
    }),
  ],
  invalid: [
    {
      // A wrong part: its row total and its column's sums break; the part is named and fixed.
      text: requestsExample({ 'granted:natural': '2', 'granted:total': '1', 'new:natural': '1', 'new:total': '1', 'total:natural': '1', 'total:total': '1' }),
      errors: ['“（一）予以公开·总计”应为 2（2+0+0+0+0+0），实为 1；最可能有误的是“（一）予以公开·自然人”，应为 1'],
      output: requestsExample({ 'granted:natural': '1', 'granted:total': '1', 'new:natural': '1', 'new:total': '1', 'total:natural': '1', 'total:total': '1' }),
    },
  ],
});

run('table.result-total', {
  valid: [requestsExample({})],
  invalid: [
    {
      text: requestsExample({
        'new:natural': '3',
        'new:total': '3',
        'granted:natural': '2',
        'granted:total': '2',
        'partial:natural': '1',
        'partial:total': '1',
        'total:natural': '4',
        'total:total': '3',
      }),
      errors: ['“（七）总计·自然人”应为 3（2+1，其余为 0），实为 4'],
      output: requestsExample({
        'new:natural': '3',
        'new:total': '3',
        'granted:natural': '2',
        'granted:total': '2',
        'partial:natural': '1',
        'partial:total': '1',
        'total:natural': '3',
        'total:total': '3',
      }),
    },
  ],
});

run('table.identity', {
  valid: [
    requestsExample({
      'new:natural': '2',
      'new:total': '2',
      'granted:natural': '1',
      'granted:total': '1',
      'total:natural': '1',
      'total:total': '1',
      'carryover:natural': '1',
      'carryover:total': '1',
    }),
  ],
  invalid: [
    {
      // Two cells change together: no single cell explains it, so only suggestions.
      text: requestsExample({ 'new:natural': '3', 'new:total': '3', 'granted:natural': '2', 'granted:total': '2', 'total:natural': '2', 'total:total': '2' }),
      errors: ['自然人栏：一+二 = 3+0 = 3，（七）总计+四 = 2+0 = 2，两者不等；无法确定是哪个数有误', '总计栏'],
    },
    {
      // A wrong carry-over is pinned: it lies on its row total and the identity.
      text: requestsExample({
        'new:natural': '2',
        'new:total': '2',
        'granted:natural': '1',
        'granted:total': '1',
        'total:natural': '1',
        'total:total': '1',
        'carryover:natural': '2',
        'carryover:total': '1',
      }),
      errors: ['最可能有误的是“四、结转下年度继续办理·自然人”，应为 1'],
      output: requestsExample({
        'new:natural': '2',
        'new:total': '2',
        'granted:natural': '1',
        'granted:total': '1',
        'total:natural': '1',
        'total:total': '1',
        'carryover:natural': '1',
        'carryover:total': '1',
      }),
    },
  ],
});

run('table.group-total', {
  valid: [review(['1', '0', '0', '1', '2', ...zeros(10).split('\t')])],
  invalid: [
    {
      text: review(['1', '0', '0', '1', '1', ...zeros(10).split('\t')]),
      errors: ['“行政复议·总计”应为 2（1+0+0+1），实为 1'],
      output: review(['1', '0', '0', '1', '2', ...zeros(10).split('\t')]),
    },
    {
      // A one-cell-per-line layout: the fix keeps the full-width spaces around the number.
      text: `${REVIEW_HEADER.split('\t')
        .map((h) => `\t${h}`)
        .join('\n')}\n\n${['\t　1　', '\t0', '\t0', '\t0', '\t　3　', ...Array.from({ length: 10 }, () => '\t0')].join('\n')}\n`,
      errors: ['“行政复议·总计”应为 1（1+0+0+0），实为 3'],
      output: `${REVIEW_HEADER.split('\t')
        .map((h) => `\t${h}`)
        .join('\n')}\n\n${['\t　1　', '\t0', '\t0', '\t0', '\t　1　', ...Array.from({ length: 10 }, () => '\t0')].join('\n')}\n`,
    },
  ],
});

run('table.cell-blank', {
  valid: [review(zeros(15).split('\t'))],
  invalid: [
    {
      text: review(['1', '0', '0', '0', '', ...zeros(10).split('\t')]),
      errors: ['“行政复议·总计”为空白，按合计关系应为 1'],
      output: review(['1', '0', '0', '0', '1', ...zeros(10).split('\t')]),
    },
    {
      // Two blanks on one sum: nothing determines them; 0 is offered, not applied.
      text: review(['', '0', '0', '0', '', ...zeros(10).split('\t')]),
      errors: ['“行政复议·结果维持”为空白，应填写数字', '“行政复议·总计”为空白，应填写数字'],
    },
    {
      text: `| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n| 2 | 0 | 0 | 0 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n`,
      errors: ['“行政复议·总计”为空白，按合计关系应为 2'],
      output: `| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n| 2 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n`,
    },
    { text: '（一）予以公开\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n', errors: ['“（一）予以公开”一行没有数字（应有 7 栏）'] },
  ],
});

run('table.cell-invalid', {
  valid: [review(zeros(15).split('\t'))],
  invalid: [
    {
      text: review(['—', '0', '0', '0', '0', ...zeros(10).split('\t')]),
      errors: ['“行政复议·结果维持”的值“—”无效，应为非负整数'],
      output: review(zeros(15).split('\t')),
    },
    { text: review(['1.5', '0', '0', '0', '', ...zeros(10).split('\t')]), errors: ['“行政复议·结果维持”的值“1.5”无效'] },
  ],
});

run('table.ambiguous', {
  valid: [
    '（一）予以公开\t5\t0\t0\t0\t0\t1\t6\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
    '（一）予以公开 5 0 0 0 0 1 6\n（二）部分公开 0 0 0 0 0 0 0\n',
    // One cut only makes the row's total hold: read, not reported.
    '（一）予以公开 5 0 00 0 16\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
    '（一）予以公开\t5000016\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
  ],
  invalid: [
    {
      text: '（一）予以公开 111 0 0 0 0 12\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
      errors: ['“111 0 0 0 0 12”连在一起，有 2 种分法都能使合计成立：“1 11 0 0 0 0 12”、“11 1 0 0 0 0 12”'],
    },
  ],
});

describe('table.ambiguous: a reading is offered, never applied', () => {
  it('each reading is a suggestion that rewrites the row with tabs; taking one, the row reads clean', () => {
    const text = '（一）予以公开 111 0 0 0 0 12\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n';
    const [f] = findingsOf('table.ambiguous', text);
    assert.equal(f!.fix, undefined);
    assert.deepEqual(
      f!.suggestions!.map((s) => applyFixes(text, [s]).text.split('\n')[0]),
      ['（一）予以公开\t1\t11\t0\t0\t0\t0\t12', '（一）予以公开\t11\t1\t0\t0\t0\t0\t12'],
    );
    assert.deepEqual(findingsOf('table.ambiguous', applyFixes(text, [f!.suggestions![1]!]).text), []);
  });
});

const active2019 = (change: string) =>
  `第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t17\t${change}\t26\n其他对外管理服务事项\t7\t+18\t47\n`;
run('table.sign', {
  valid: [active2019('+11'), active2019('-3'), active2019('0')],
  invalid: [
    { text: active2019('增11'), errors: ['“增11”应写作“+11”'], output: active2019('+11') },
    { text: active2019('+0'), errors: ['应写作“0”'], output: active2019('0') },
    { text: active2019('11'), errors: ['没有正负号'] },
  ],
});

const procurement = (amount: string) => `第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t17\t${amount}\n`;
const fees2021 = (amount: string) => `2022年政府信息公开工作年度报告\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t${amount}\n`;
run('table.unit', {
  valid: [procurement('1553.91万元'), procurement('251000元'), procurement('0'), fees2021('12.5'), fees2021('1234.567891')],
  invalid: [
    { text: procurement('1553.91'), errors: ['没有注明单位'] },
    { text: fees2021('251000元'), errors: ['单位是万元，“251000元”应写作 25.1'], output: fees2021('25.1') },
  ],
});

run('format.mismatch', {
  valid: [RULES.find((r) => r.id === 'format.mismatch')!.doc.right],
  invalid: [{ text: RULES.find((r) => r.id === 'format.mismatch')!.doc.wrong, errors: ['2022年度报告应使用2021年版格式'] }],
});

run('format.mixed', {
  valid: [RULES.find((r) => r.id === 'format.mixed')!.doc.right],
  invalid: [
    // 2021 tables with a one-row （六）其他处理.
    { text: RULES.find((r) => r.id === 'format.mixed')!.doc.wrong, errors: ['“（六）其他处理”只有一行：这是2019年版格式'] },
    {
      text: '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n',
      errors: ['“第二十条第（五）项”：栏目为“上一年项目数量”、“本年增/减”、“处理决定数量”：这是2019年版格式'],
    },
  ],
});

run('table.missing', {
  valid: [review(zeros(15).split('\t'))],
  invalid: [
    {
      text: '某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议。\n五、存在的主要问题及改进情况\n',
      errors: ['下缺少表四'],
      output: `某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n${'行政复议·结果维持\t行政复议·结果纠正\t行政复议·其他结果\t行政复议·尚未审结\t行政复议·总计\t行政诉讼·未经复议直接起诉·结果维持\t行政诉讼·未经复议直接起诉·结果纠正\t行政诉讼·未经复议直接起诉·其他结果\t行政诉讼·未经复议直接起诉·尚未审结\t行政诉讼·未经复议直接起诉·总计\t行政诉讼·复议后起诉·结果维持\t行政诉讼·复议后起诉·结果纠正\t行政诉讼·复议后起诉·其他结果\t行政诉讼·复议后起诉·尚未审结\t行政诉讼·复议后起诉·总计'}\n${Array.from({ length: 15 }, () => '').join('\t')}\n本年度无行政复议。\n五、存在的主要问题及改进情况\n`,
    },
  ],
});

run('table.row-missing', {
  valid: [requestsExample({})],
  invalid: [
    {
      text: RULES.find((r) => r.id === 'table.row-missing')!.doc.wrong,
      errors: ['缺少“（四）无法提供”的“2.没有现成信息需要另行制作”、“3.补正后申请内容仍不明确”'],
    },
  ],
});

run('text.artifact', {
  valid: ['一、总体情况\n本机关网站首页设有政府信息公开专栏。\n'],
  invalid: [
    { text: '首页 > 政府信息公开 > 年度报告\n一、总体情况\n', errors: ['网页导航路径'], output: '一、总体情况\n' },
    { text: '[bookmark: _GoBack]一、总体情况\n', errors: ['Word 书签残留'], output: '一、总体情况\n' },
    { text: '一、总体情况\r\n-3-\r\n二、主动公开政府信息情况\r\n', errors: ['页码'], output: '一、总体情况\r\n二、主动公开政府信息情况\r\n' },
    { text: '正文。\n晋ICP备05003731号 网站标识码:1410000016\n', errors: ['网页页脚'], output: '正文。\n' },
  ],
});

run('directive.unknown', {
  valid: [
    '<!-- nianbao-disable-file text.artifact -->\n一、总体情况\n',
    '<!-- nianbao-disable-next-line table.row-total, table.identity -->\n一、总体情况\n',
    '<!-- nianbao-disable -->\n一、总体情况\n<!-- nianbao-enable -->\n',
  ],
  invalid: [
    {
      text: '<!-- nianbao-disabel-file text.artifact -->\n一、总体情况\n',
      errors: ['无法识别的指令“nianbao-disabel-file”，这条指令不起作用；是否应为“nianbao-disable-file”？'],
      output: '<!-- nianbao-disable-file text.artifact -->\n一、总体情况\n',
    },
    {
      text: '<!-- nianbao-disable-lien table.row-total -->\n一、总体情况\n',
      errors: ['是否应为“nianbao-disable-line”'],
      output: '<!-- nianbao-disable-line table.row-total -->\n一、总体情况\n',
    },
    {
      text: '<!-- nianbao-disable-next-line table.row-totl, section.mising -->\n一、总体情况\n',
      errors: ['规则编号“table.row-totl”不存在，对它的停用不起作用；是否应为“table.row-total”？', '是否应为“section.missing”'],
      output: '<!-- nianbao-disable-next-line table.row-total, section.missing -->\n一、总体情况\n',
    },
    { text: '<!-- nianbao-ignore everything -->\n一、总体情况\n', errors: ['无法识别的指令“nianbao-ignore”，这条指令不起作用（可用：nianbao-disable、'] },
    { text: '<!-- nianbao-disable something.else -->\n一、总体情况\n', errors: ['规则编号“something.else”不存在'] },
  ],
});

describe('registry', () => {
  it('every rule has a unique id, a severity, messages in both languages and examples that show it', () => {
    const ids = new Set<string>();
    for (const r of RULES) {
      assert.ok(!ids.has(r.id), r.id);
      ids.add(r.id);
      assert.match(r.id, /^[a-z]+\.[a-z-]+$/);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity));
      for (const m of [r.name, r.description, r.doc.rationale]) assert.ok(m.zh && m.en);
      // A rule across years is shown beside its example of last year's report.
      const of = (text: string) => checkExample(r, text).findings.filter((f) => f.rule === r.id);
      assert.ok(of(r.doc.wrong).length > 0, `${r.id}: the wrong example shows the rule`);
      assert.deepEqual(of(r.doc.right), [], `${r.id}: the right example is clean`);
    }
  });
});

const titled = (title: string, period: string, signed = '') =>
  `某局${title}年政府信息公开工作年度报告\n本报告中所列数据的统计期限自${period}年1月1日起至${period}年12月31日止。\n${signed ? `某局\n${signed}\n` : ''}`;
run('report.year', {
  valid: [titled('2020', '2020'), titled('2022', '2022', '2023年1月18日')],
  invalid: [
    { text: titled('202020', '2020'), errors: ['标题中的年份“202020”不是四位数字，应为“2020”'], output: titled('2020', '2020') },
    { text: titled('2021', '2020'), errors: ['统计期限的年度（2020年）与标题年度（2021年）不一致'] },
    { text: titled('2022', '2022', '2022年1月18日'), errors: ['落款日期（2022年）应在报告年度（2022年）结束之后'] },
  ],
});

const narrative = (sentence: string, cells: Record<string, string>) => `${sentence}\n${requestsExample(cells)}`;
const twoNew = {
  'new:natural': '2',
  'new:total': '2',
  'carried:natural': '1',
  'carried:total': '1',
  'granted:natural': '2',
  'granted:total': '2',
  'total:natural': '2',
  'total:total': '2',
  'carryover:natural': '1',
  'carryover:total': '1',
};
run('text.table-mismatch', {
  valid: [
    narrative('本年度共收到政府信息公开申请2件，办结2件，1件结转下年度继续办理。', twoNew),
    // Another scope: received counted with those carried over (一+二).
    narrative('本年度共收到政府信息公开申请3件。', twoNew),
    narrative('本年度收到依申请公开件两件。', twoNew),
    `四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n${review(zeros(15).split('\t'))}`,
  ],
  invalid: [
    {
      text: narrative('本年度共收到政府信息公开申请5件。', twoNew),
      errors: ['正文“收到政府信息公开申请5件”与表格不一致：“一、本年新收政府信息公开申请数量·总计”为 2'],
    },
    { text: narrative('全年共办结12件。', twoNew), errors: ['“（七）总计·总计”为 2'] },
    {
      text: `四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n${review(['1', '0', '0', '0', '1', ...zeros(10).split('\t')])}`,
      errors: ['正文称“未发生行政复议和行政诉讼”，但表四中行政复议和行政诉讼合计为 1 件'],
    },
    {
      text: `本年度行政诉讼3件。\n${review(['0', '0', '0', '0', '0', '1', '0', '0', '0', '1', '0', '0', '0', '1', '1'])}`,
      errors: ['“行政诉讼·未经复议直接起诉·总计”+“行政诉讼·复议后起诉·总计”为 2'],
    },
  ],
});

run('section.content', {
  valid: [
    '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度未收取信息处理费。\n',
    // The 2019 format asks for no fee statement.
    '某局2020年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n',
  ],
  invalid: [
    {
      text: '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n',
      errors: ['“六、其他需要报告的事项”未提及“收取信息处理费情况”（2021年版格式要求）'],
    },
    {
      text: '某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息120条，办理依申请公开8件。\n二、主动公开政府信息情况\n',
      errors: ['未提及“政府信息管理”、“政府信息公开平台建设”、“监督保障”'],
    },
  ],
});
