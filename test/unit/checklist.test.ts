/**
 * What evaluators mark down (issue 16): 五 left empty or "无", list numbers out of sequence, doubled
 * words, another year told as this year's, a report signed after the legal deadline.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../server/src/core';
import { bodyKind } from '../../server/src/core/rules/report-deadline';
import { run } from './rule-cases';

const dept = (year: number, body: string) => `桐溪区市场监督管理局${year}年政府信息公开工作年度报告\n${body}`;
const five = (body: string) => dept(2022, `五、存在的主要问题及改进情况\n${body}六、其他需要报告的事项\n本年度未收取信息处理费。\n`);
const enough =
  '一是政策解读的形式还比较单一，图解、视频等群众喜闻乐见的解读方式运用不多；二是依申请公开答复文书还不够规范。下一步，我局将加强业务培训，统一答复文书模板，丰富政策解读形式。\n';

run('section.content', {
  valid: [five(enough), dept(2020, `五、存在的主要问题及改进情况\n${enough}六、其他需要报告的事项\n无。\n`)],
  invalid: [
    { text: five(''), errors: ['“五、存在的主要问题及改进情况”下没有内容'] },
    { text: five('无。\n'), errors: ['“五、存在的主要问题及改进情况”只写了“无。”：应说明存在的问题和改进措施'] },
    { text: five('暂无\n'), errors: ['只写了“暂无”'] },
    { text: five('信息公开还不够及时，下一步将加强管理。\n'), errors: ['“五、存在的主要问题及改进情况”只有 17 个字（少于 50 字）'] },
    // The 2019 format asks the same of 五.
    { text: dept(2020, '五、存在的问题及改进情况\n无\n六、其他需要报告的事项\n无。\n'), errors: ['“五、存在的问题及改进情况”只写了“无”'] },
  ],
});

const problems = (body: string) => dept(2022, `五、存在的主要问题及改进情况\n${body}\n`);
run('text.enumeration', {
  valid: [
    problems('存在的问题：一是公开不够及时；二是解读不够深入。改进措施：一是加强培训；二是完善制度；三是强化监督。'),
    problems('（一）加强组织领导。\n明确专人负责。\n（二）完善工作机制。\n（三）强化监督考核。'),
    // Not list numbers: "统一是", "第二十条第（一）项", "唯一是".
    problems('信息发布统一是前提，唯一是指渠道单一。依据第二十条第（一）项公开规范性文件。'),
    // Each section has its own lists.
    `${dept(2022, '一、总体情况\n（一）主动公开\n（二）依申请公开\n')}五、存在的主要问题及改进情况\n（一）公开不够及时\n（二）解读不够深入\n`,
  ],
  invalid: [
    {
      text: problems('下一步，一是加强培训；三是完善制度；三是强化监督。'),
      errors: ['序号“三是”应为“二是”（上一项为“一是”）'],
      output: problems('下一步，一是加强培训；二是完善制度；三是强化监督。'),
    },
    {
      text: problems('一是加强培训；二是完善制度；二是强化监督；四是加强宣传。'),
      errors: ['序号“二是”应为“三是”（与上一项重复）'],
      output: problems('一是加强培训；二是完善制度；三是强化监督；四是加强宣传。'),
    },
    {
      text: problems('（一）加强组织领导。\n（三）完善工作机制。\n（四）强化监督考核。'),
      errors: ['序号“（三）”应为“（二）”（上一项为“（一）”）', '序号“（四）”应为“（三）”'],
      output: problems('（一）加强组织领导。\n（二）完善工作机制。\n（三）强化监督考核。'),
    },
  ],
});

const overview = (body: string) => dept(2022, `一、总体情况\n${body}\n`);
run('text.repeat', {
  valid: [
    overview('我局层层压实责任，做到件件有回音，一个一个问题抓落实。'),
    overview('局党组专门研究研究部署政务公开工作。'),
    overview('全年公开财政资金信息126条，资金使用情况及时公开。'),
  ],
  invalid: [
    {
      text: overview('进一步规范财政资金资金信息公开。'),
      errors: ['“资金”重复了一遍：“资金资金”'],
      suggested: overview('进一步规范财政资金信息公开。'),
    },
    {
      text: overview('全面推进政府信息公开公开工作，决策公开公开透明。'),
      errors: ['“公开”重复了一遍', '“公开”重复了一遍'],
      suggested: overview('全面推进政府信息公开工作，决策公开透明。'),
    },
  ],
});

const y2023 = (body: string) => `桐溪区市场监督管理局2023年政府信息公开工作年度报告\n一、总体情况\n${body}\n`;
run('text.year', {
  valid: [
    y2023('2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'),
    y2023('全年主动公开政府信息1350条，较2022年增长12%。'),
    y2023('我局严格执行2022年印发的《桐溪区政务公开工作规范》。'),
    y2023('2024年，我局将进一步加强政策解读。'),
    y2023('2024年工作计划：加强培训，完善制度。'),
    y2023('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'),
    y2023('2022年以来，我局持续推进基层政务公开标准化规范化建设。'),
  ],
  invalid: [
    {
      text: y2023('2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'),
      errors: ['正文以“2022年”叙述工作，但本报告是2023年度报告：是否沿用了2022年的报告？'],
      suggested: y2023('2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'),
    },
    {
      text: y2023('一是主动公开。2022年全年共主动公开政府信息1200条。'),
      errors: ['正文以“2022年”叙述工作'],
      suggested: y2023('一是主动公开。2023年全年共主动公开政府信息1200条。'),
    },
  ],
});

const signed = (name: string, date: string) => `${name}2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度未收取信息处理费。\n${date}\n`;
run('report.deadline', {
  valid: [
    signed('桐溪区市场监督管理局', '2023年1月31日'),
    signed('桐溪区人民政府', '2023年3月31日'),
    // Towns and streets publish as governments do.
    signed('台儿庄区张山子镇', '2023年3月20日'),
    signed('桐溪区城关街道办事处', '2023年2月28日'),
    // No body named: the deadline is not known.
    '2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n2023年3月20日\n',
  ],
  invalid: [
    { text: signed('桐溪区市场监督管理局', '2023年2月1日'), errors: ['落款日期2023年2月1日晚于政府部门年度报告的法定公开时限（2023年1月31日）'] },
    { text: signed('桐溪区人民政府办公室', '2023年3月5日'), errors: ['晚于政府部门年度报告的法定公开时限（2023年1月31日）'] },
    { text: signed('桐溪区人民政府', '2023年4月10日'), errors: ['落款日期2023年4月10日晚于人民政府年度报告的法定公开时限（2023年3月31日）'] },
    { text: signed('台儿庄区张山子镇', '2024年1月10日'), errors: ['晚于人民政府年度报告的法定公开时限（2023年3月31日）'] },
  ],
});

describe('report.deadline: who publishes by when', () => {
  const kind = (name: string) => bodyKind(parse(`${name}2022年政府信息公开工作年度报告\n`));
  it('governments: 人民政府, 镇, 乡, 街道办事处, 管委会', () => {
    for (const n of ['桐溪区人民政府', '云岭市桐溪区人民政府', '台儿庄区张山子镇', '青石乡人民政府', '桐溪区城关街道办事处', '临汾经济开发区管委会'])
      assert.equal(kind(n), 'government', n);
  });
  it('departments: 局, 委, 办公室, 中心', () => {
    for (const n of ['桐溪区市场监督管理局', '桐溪区发展和改革委员会', '桐溪区人民政府办公室', '云岭市政务服务中心', '张店区产业转移办公室'])
      assert.equal(kind(n), 'department', n);
  });
  it('the signing date is read with its month and day', () => {
    assert.deepEqual((({ year, month, day }) => ({ year, month, day }))(parse(signed('桐溪区人民政府', '2023年 3月 9日')).signed!), {
      year: 2023,
      month: 3,
      day: 9,
    });
  });
});
