/**
 * crossyear.copied and crossyear.same-tables: this year's report beside last year's, paired as the
 * CLI pairs files (through their extracts, which keep sentence hashes, not the text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CheckOptions, extract, pairReports, parse, parseConfig } from '../../server/src/core';
import { REVIEW_HEADER } from '../../server/src/core/rules/examples';
import { findingsOf, run } from './rule-cases';

const TITLE = (year: number) => `桐溪区人民政府${year}年政府信息公开工作年度报告\n`;
const CITATION = '根据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止。\n';
/** Last year's narrative: seven sentences of 15 characters or more. */
const LAST = [
  '我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开各项要求',
  '全年主动公开政府信息1200条，及时回应社会关切',
  '进一步规范依申请公开办理流程，确保依法按时答复',
  '加强政府网站和政务新媒体建设，提升平台服务能力',
  '将政务公开纳入年度绩效考核，强化监督保障',
  '组织全区政务公开业务培训3次，参训人员260人次',
  '完善政策解读机制，做到政策文件与解读材料同步起草',
];
const NEW = [
  '围绕优化营商环境专题公开涉企政策清单，新增惠企政策栏目',
  '依申请公开实行台账管理和办理前法律审核，答复文书统一模板',
  '区政府门户网站完成适老化改造，新增无障碍浏览功能',
  '聚焦乡村振兴领域，公开衔接资金项目库和资金分配结果',
  '开展政府开放日活动6场，邀请群众代表走进政府机关',
];
const report = (year: number, sentences: string[], tail = '') =>
  `${TITLE(year)}${CITATION.replaceAll('YYYY', String(year))}一、总体情况\n${sentences.map((s) => `${s}。`).join('')}\n${tail}`;
const lastYear = report(2021, LAST);

/** This year's text checked beside last year's, as `nianbao check 上年.txt 本年.txt` does. */
function beside(previous: string, config?: CheckOptions['config']) {
  return (text: string): CheckOptions => {
    const pairs = pairReports([
      { file: '上年.txt', extract: extract(parse(previous)) },
      { file: '本年.txt', extract: extract(parse(text)) },
    ]);
    return { crossyear: pairs.get('本年.txt')!, ...(config ? { config } : {}) };
  };
}

// Figures changed, years changed: the same sentences.
const copied = report(
  2022,
  LAST.map((s) => s.replace('1200', '1350').replace('3次', '4次').replace('260', '310')),
);

run(
  'crossyear.copied',
  {
    valid: [
      // Five of seven sentences new (two kept: 29%).
      report(2022, [...LAST.slice(0, 2), ...NEW]),
      // The boilerplate every report has (the 条例, the 统计期限) is not counted as copied.
      report(2022, NEW),
    ],
    invalid: [
      {
        text: copied,
        errors: [
          '本年正文 7 句中有 7 句（100%）与2021年报告（上年.txt）相同（数字不计）；最长的一段连续 7 句：“我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落…”',
        ],
      },
      {
        // Four of seven copied (57%) would pass; five of seven (71%) do not; the longest run is the last three.
        text: report(2022, [LAST[0]!, NEW[0]!, LAST[2]!, NEW[1]!, LAST[4]!, LAST[5]!, LAST[6]!]),
        errors: [
          '本年正文 7 句中有 5 句（71%）与2021年报告（上年.txt）相同（数字不计）；最长的一段连续 3 句：“将政务公开纳入年度绩效考核，强化监督保障。组织全区政务公开业…”',
        ],
      },
    ],
  },
  beside(lastYear),
);

describe('crossyear.copied: the threshold and the extract', () => {
  const fourOfSeven = report(2022, [LAST[0]!, NEW[0]!, LAST[2]!, NEW[1]!, NEW[2]!, LAST[5]!, LAST[6]!]);
  it('warns from the share set in .nianbaorc.json ("copied": 50) and not below it', () => {
    assert.equal(findingsOf('crossyear.copied', fourOfSeven, beside(lastYear)(fourOfSeven)).length, 0);
    const config = parseConfig('{ "copied": 50 }');
    const found = findingsOf('crossyear.copied', fourOfSeven, beside(lastYear, config)(fourOfSeven));
    assert.equal(found.length, 1);
  });
  it('a "copied" share outside 1–100 is a clear config error', () => {
    assert.throws(() => parseConfig('{ "copied": 160 }'), /"copied" 应为 1 到 100 之间的数/);
    assert.throws(() => parseConfig('{ "copied": "60%" }'), /"copied" 应为 1 到 100 之间的数/);
  });
  it('without last year’s report it says nothing', () => {
    assert.deepEqual(findingsOf('crossyear.copied', copied), []);
  });
  it('the extract keeps hashes of the compared sentences, not their text', () => {
    const e = extract(parse(lastYear));
    assert.equal(e.sentences.length, LAST.length);
    assert.ok(e.sentences.every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32));
    assert.ok(!JSON.stringify(e).includes('习近平'));
  });
});

const table4 = (cells: string) => `四、政府信息公开行政复议、行政诉讼情况\n${REVIEW_HEADER}\n${cells.split(' ').join('\t')}\n`;
const withTable = (year: number, cells: string) => `${TITLE(year)}${table4(cells)}`;
run(
  'crossyear.same-tables',
  {
    valid: [
      withTable(2022, '1 0 0 1 2 0 0 0 0 0 0 0 0 0 0'),
      // All 0 both years: nothing to say.
      withTable(2022, '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'),
    ],
    invalid: [
      {
        text: withTable(2022, '2 1 0 0 3 1 0 0 0 1 0 0 0 0 0'),
        errors: ['表四（行政复议、行政诉讼情况）的数字与2021年报告（上年.txt）逐一相同：是否沿用了上年数据？'],
      },
    ],
  },
  (text) => {
    const previous = text.includes('0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'.replaceAll(' ', '\t'))
      ? withTable(2021, '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0')
      : withTable(2021, '2 1 0 0 3 1 0 0 0 1 0 0 0 0 0');
    return beside(previous)(text);
  },
);
