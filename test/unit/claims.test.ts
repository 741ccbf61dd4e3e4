/**
 * text.table-mismatch, the claims of issue 16: the results of 表三 (予以公开及部分公开, 不予公开, 无法提供,
 * 不予处理), 答复, the outcomes of 表四 (均获维持), and 表二's documents issued and in force, each
 * with sentences that agree, that count another scope, and that disagree.
 */
import { requestsExample, REVIEW_HEADER } from '../../server/src/core/rules/examples';
import { run } from './rule-cases';

const title = '桐溪区市场监督管理局2022年政府信息公开工作年度报告\n';
/** 表三 with 9 requests: 3 disclosed, 1 in part, 2 not (a secret, a third party's), 1 not held, 1 petition, 1 carried over. */
const requests = requestsExample({
  'new:natural': '9',
  'new:total': '9',
  'granted:natural': '3',
  'granted:total': '3',
  'partial:natural': '1',
  'partial:total': '1',
  'denied.secret:natural': '1',
  'denied.secret:total': '1',
  'denied.third:natural': '1',
  'denied.third:total': '1',
  'unable.none:natural': '1',
  'unable.none:total': '1',
  'rejected.petition:natural': '1',
  'rejected.petition:total': '1',
  'total:natural': '8',
  'total:total': '8',
  'carryover:natural': '1',
  'carryover:total': '1',
});
const withRequests = (sentence: string) => `${title}三、收到和处理政府信息公开申请情况\n${sentence}\n${requests}`;
const review = (cells: string) => `${title}四、政府信息公开行政复议、行政诉讼情况\n__\n${REVIEW_HEADER}\n${cells.split(' ').join('\t')}\n`;
const withReview = (sentence: string, cells: string) => review(cells).replace('__', sentence);
/** 表二 of the 2021 format: 3 normative documents issued, 2 repealed, 85 in force. */
const active = (sentence: string) =>
  `${title}二、主动公开政府信息情况\n${sentence}\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t2\t85\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t120\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t30\n行政强制\t2\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n`;

run('text.table-mismatch', {
  valid: [
    withRequests('本年度共收到政府信息公开申请9件，其中予以公开及部分公开4件，不予公开2件，无法提供1件，不予处理1件，1件结转下年度继续办理。'),
    withRequests('全年共答复8件，均在法定期限内答复。'),
    withRequests('对申请人的申请，予以公开3件，部分公开1件，不予公开的2件均依法说明了理由。'),
    // 予以公开 counted with those disclosed in part: another scope, accepted.
    withRequests('予以公开4件。'),
    // A part after 其中: not the total.
    withRequests('本年度共收到政府信息公开申请9件，其中通过网络收到申请5件。'),
    withReview('本年度发生行政复议3件，均获维持。', '3 0 0 0 3 0 0 0 0 0 0 0 0 0 0'),
    // "已审结的" speaks of the cases decided: one pending is no contradiction.
    withReview('本年度发生行政复议3件，已审结的均获维持。', '2 0 0 1 3 0 0 0 0 0 0 0 0 0 0'),
    // The sentence speaks of litigation; the reconsideration corrected is another group.
    withReview('行政诉讼案件均维持原行政行为。', '0 1 0 0 1 1 0 0 0 1 0 0 0 0 0'),
    // "维持" of something else than a case.
    withReview('各项制度均维持原有做法，运行平稳。', '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0'),
    active('本年度制发行政规范性文件3件，废止2件，现行有效85件。'),
    active('截至2022年底，我局现行有效的行政规范性文件共计85件。'),
  ],
  invalid: [
    {
      text: withRequests('本年度共收到政府信息公开申请9件，其中予以公开及部分公开5件，不予公开3件，无法提供2件，不予处理2件。'),
      errors: [
        '正文“予以公开及部分公开5件”与表格不一致：“（一）予以公开·总计”+“（二）部分公开·总计”为 4',
        '正文“不予公开3件”与表格不一致：“（三）不予公开”各项之和为 2',
        '正文“无法提供2件”与表格不一致：“（四）无法提供”各项之和为 1',
        '正文“不予处理2件”与表格不一致：“（五）不予处理”各项之和为 1',
      ],
    },
    { text: withRequests('全年共答复申请人10件。'), errors: ['正文“答复申请人10件”与表格不一致：“（七）总计·总计”为 8'] },
    { text: withRequests('部分公开2件。'), errors: ['正文“部分公开2件”与表格不一致：“（二）部分公开·总计”为 1'] },
    {
      text: withReview('本年度发生行政复议3件，均获维持。', '1 1 0 1 3 0 0 0 0 0 0 0 0 0 0'),
      errors: ['正文称“均获维持”，但表四中“行政复议·结果纠正”为 1，“行政复议·尚未审结”为 1'],
    },
    {
      text: withReview('行政诉讼2件，法院判决均维持原行政行为。', '0 0 0 0 0 1 0 0 1 2 0 0 0 0 0'),
      errors: ['正文称“均维持原行政行为”，但表四中“行政诉讼·未经复议直接起诉·尚未审结”为 1'],
    },
    {
      text: active('本年度制发行政规范性文件4件，废止2件，现行有效85件。'),
      errors: ['正文“制发行政规范性文件4件”与表格不一致：“行政规范性文件·本年制发件数”为 3'],
    },
    { text: active('本年度制发行政规范性文件3件，废止2件，现行有效80件。'), errors: ['正文“现行有效80件”与表格不一致：“行政规范性文件·现行有效件数”为 85'] },
  ],
});

// One office's figure in a government's report: said, not accused.
run('text.table-mismatch', {
  valid: [],
  invalid: [
    {
      text: `桐溪区人民政府2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n区政府办公室本级共收到政府信息公开申请5件。\n${requests}`,
      errors: ['正文“收到政府信息公开申请5件”与表格的“一、本年新收政府信息公开申请数量·总计”（9）不同；正文有“本级”，可能按其他口径计数，请核对'],
    },
  ],
});
