import { msg } from '../i18n';
import { narrative } from '../narrative';
import type { Report_, Rule } from './types';

/**
 * Doubled words that are normal Chinese: a measure word counted one by one (一个一个), a verb tried
 * out (研究研究). A doubled single character (层层, 件件, 年年) is never reported: only words of two
 * or more characters are.
 */
export const NORMAL_REPEATS = new Set([
  '一个',
  '一件',
  '一项',
  '一条',
  '一次',
  '一步',
  '一天',
  '一年',
  '一批',
  '一家',
  '一户',
  '一点',
  '研究',
  '讨论',
  '学习',
  '商量',
  '了解',
  '看一',
  '谢谢',
]);

/** A run of two to six CJK characters written twice in a row ("资金资金", "政府信息公开政府信息公开"). */
const DOUBLED = /([\u4e00-\u9fff]{2,6})\1/gu;

export const textRepeat: Rule = {
  id: 'text.repeat',
  name: msg('词语重复', 'Doubled word'),
  description: msg(
    '正文中同一词语（两个字以上）紧挨着写了两遍，如“资金资金”“公开公开”，多为复制粘贴或输入时的笔误。正常的叠用（层层、件件、一个一个、研究研究）不报告。',
    'A word of two or more characters written twice in a row (资金资金, 公开公开), usually a slip when typing or pasting. Normal reduplication (层层, 件件, 一个一个, 研究研究) is not reported.',
  ),
  severity: 'hint',
  fixable: false,
  doc: {
    rationale: msg(
      '重复的词语读者一眼可见，评议时会被视为报告未经认真校对。删除哪一个需要人看一眼，因此只作为建议提供。',
      'A doubled word shows at a glance and reads as a report nobody proofread. Which one to delete needs a look: the repair is offered as a suggestion only.',
    ),
    wrong: '某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度进一步规范财政资金资金信息公开。\n',
    right: '某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度进一步规范财政资金信息公开，层层压实责任，做到件件有回音。\n',
  },
  check({ report }) {
    const out: Report_[] = [];
    const text = narrative(report);
    DOUBLED.lastIndex = 0;
    for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) {
      const word = m[1]!;
      // "层层层层" is a single character doubled: not a word.
      if (NORMAL_REPEATS.has(word) || new Set(word).size === 1) continue;
      const at = m.index;
      const original = report.text.slice(at, at + word.length);
      out.push({
        range: [at, at + 2 * word.length],
        message: msg(`“${original}”重复了一遍：“${original}${original}”`, `“${original}” is written twice: “${original}${original}”`),
        suggestions: [{ range: [at + word.length, at + 2 * word.length], text: '', title: msg(`删除重复的“${original}”`, `Delete the second “${original}”`) }],
      });
    }
    return out;
  },
};
