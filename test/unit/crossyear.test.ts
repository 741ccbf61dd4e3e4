/**
 * Year over year: which reports belong together (the name table), how a series is paired (gaps,
 * duplicates), and the rules across years on pairs of example reports, with the message a user
 * reads and the related place in last year's file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyFromTitle, check, type CrossYear, extract, type Finding, localize, pairReports, sameBody } from '../../server/src/core';
import { sampleReport, type SampleFigures } from '../../server/src/core/crossyear/sample';

describe('crossyear: which names are the same body', () => {
  const same: [string, string][] = [
    ['云岭市桐溪区', '云岭市桐溪区人民政府'],
    ['云岭市桐溪区人民政府', '桐溪区人民政府'],
    ['云岭市桐溪区', '桐溪区人民政府'],
    ['云岭经济开发区管委会', '云岭经济开发区'],
    ['云岭经济开发区管理委员会', '云岭经济开发区管委会'],
    ['桐溪区人民政府办公室', '云岭市桐溪区人民政府办公室'],
    ['青禾县市场监督管理局', '青禾县市场监督管理局'],
    ['枫林街道办事处', '桐溪区枫林街道'],
  ];
  const different: [string, string][] = [
    ['某区人民政府', '某区人民政府办公室'],
    ['青禾县', '青禾县市场监督管理局'],
    ['青禾县人民政府', '青禾县市场监督管理局'],
    ['云岭市桐溪区', '云岭市枫林区'],
    ['云岭市桐溪区', '石门市桐溪区'],
    ['青禾县市场监督管理局', '青禾县自然资源局'],
    ['青禾县市场监督管理局', '云岭市市场监督管理局'],
    // A renamed body pairs only through the config.
    ['青禾县工商行政管理局', '青禾县市场监督管理局'],
  ];
  for (const [a, b] of same) it(`${a} ≈ ${b}`, () => assert.ok(sameBody(a, b) && sameBody(b, a)));
  for (const [a, b] of different) it(`${a} ≠ ${b}`, () => assert.ok(!sameBody(a, b) && !sameBody(b, a)));
  it('reads the body before the year in a title', () => {
    assert.equal(bodyFromTitle('云岭市桐溪区人民政府2021年政府信息公开工作年度报告'), '云岭市桐溪区人民政府');
    assert.equal(bodyFromTitle('青禾县市场监督管理局 2022 年政府信息公开工作年度报告'), '青禾县市场监督管理局');
    assert.equal(bodyFromTitle('2021年政府信息公开工作年度报告'), null);
    assert.equal(bodyFromTitle('# 云岭市桐溪区教育局2022年政府信息公开工作年度报告'), '云岭市桐溪区教育局');
    assert.equal(bodyFromTitle('青禾县市场监督管理局政府信息公开工作年度报告（2021年）'), '青禾县市场监督管理局');
    assert.equal(bodyFromTitle('云岭市桐溪区人民政府办公室关于2021年政府信息公开工作年度报告'), '云岭市桐溪区人民政府办公室');
  });
});

const BODY = '云岭市桐溪区人民政府';
const R2021 = { 规章: [1, 0, 4], 行政规范性文件: [3, 1, 20] };

function indexed(file: string, year: number, f: SampleFigures, body = BODY) {
  const text = sampleReport(year, body, f);
  return { file, text, extract: extract(check(text).report) };
}

/** This year's findings of the rules across years, checked beside the pairing found among `all`. */
function crossFindings(all: ReturnType<typeof indexed>[], file: string): Finding[] {
  const pairs = pairReports(all);
  const self = all.find((r) => r.file === file)!;
  const crossyear: CrossYear | undefined = pairs.get(file);
  return check(self.text, crossyear ? { crossyear } : {}).findings.filter((f) => f.rule.startsWith('crossyear.'));
}
const zh = (fs: Finding[]) => fs.map((f) => `${f.rule} ${localize(f.message, 'zh')}`);

describe('crossyear: pairing a series', () => {
  it('a consistent pair across the change of format (2020 → 2021) gives nothing', () => {
    const all = [indexed('a/2020.txt', 2020, { carryover: 3, active: { 规章: [1, 1, 3] } }), indexed('b/2021.txt', 2021, { carried: 3, active: R2021 })];
    assert.ok(pairReports(all).get('b/2021.txt')?.previous);
    assert.deepEqual(zh(crossFindings(all, 'b/2021.txt')), []);
  });
  it('a carry-over that breaks across the change of format is found on this year’s cell, with last year’s cell related', () => {
    const all = [indexed('a/2020.txt', 2020, { carryover: 3 }), indexed('b/2021.txt', 2021, { carried: 2, active: R2021 })];
    const found = crossFindings(all, 'b/2021.txt');
    assert.deepEqual(zh(found), [
      'crossyear.carryover 上年结转（自然人）为 2，而2020年报告（2020.txt）结转下年度继续办理为 3',
      'crossyear.carryover 上年结转（总计）为 2，而2020年报告（2020.txt）结转下年度继续办理为 3',
    ]);
    const self = all[1]!;
    const line = self.text.split('\n').find((l) => l.startsWith('二、上年结转'))!;
    assert.equal(self.text.slice(found[0]!.range[0], found[0]!.range[1]), '2');
    assert.ok(found[0]!.range[0] > self.text.indexOf(line));
    const rel = found[0]!.related![0]!;
    assert.equal(rel.file, 'a/2020.txt');
    assert.equal(all[0]!.text.slice(rel.range[0], rel.range[1]), '3');
    assert.equal(all[0]!.text.split('\n')[rel.start!.line]!.slice(0, 11), '四、结转下年度继续办理');
  });
  it('no stock rule across the change of format', () => {
    const all = [indexed('a/2020.txt', 2020, { active: { 规章: [1, 1, 30] } }), indexed('b/2021.txt', 2021, { active: R2021 })];
    assert.deepEqual(zh(crossFindings(all, 'b/2021.txt')), []);
  });
  it('a missing year is an info finding, never bridged', () => {
    const all = [indexed('2021.txt', 2021, { carryover: 3, active: R2021 }), indexed('2023.txt', 2023, { carried: 1, active: R2021 })];
    const found = crossFindings(all, '2023.txt');
    assert.deepEqual(zh(found), ['crossyear.gap 未找到2022年的报告，不与2021年报告（2021.txt）比较结转和存量']);
    assert.equal(found[0]!.severity, 'info');
  });
  it('the same report in two files counts once; two different ones are not guessed between', () => {
    const a = indexed('x/2021.pdf', 2021, { carryover: 3, active: R2021 });
    const b = { ...indexed('x/2021.txt', 2021, { carryover: 3, active: R2021 }) };
    const c = indexed('x/2022.txt', 2022, { carried: 3, active: { 规章: [0, 0, 4], 行政规范性文件: [0, 0, 20] } });
    assert.deepEqual(zh(crossFindings([a, b, c], 'x/2022.txt')), []);
    assert.equal(pairReports([a, b, c]).get('x/2022.txt')?.previous?.file, 'x/2021.pdf');
    const d = indexed('x/2021-draft.txt', 2021, { carryover: 5, active: R2021 });
    assert.deepEqual(zh(crossFindings([a, d, c], 'x/2022.txt')), [
      'crossyear.gap 2021年有两份内容不同的报告（2021.pdf、2021-draft.txt），无法确定以哪份为准，未比较结转和存量',
    ]);
  });
  it('different bodies are never compared; a renamed body pairs through pairs given by hand', () => {
    const old = indexed('old.txt', 2021, { carryover: 3, active: R2021 }, '青禾县工商行政管理局');
    const neu = indexed('new.txt', 2022, { carried: 1, active: R2021 }, '青禾县市场监督管理局');
    const office = indexed('office.txt', 2021, { carryover: 1, active: R2021 }, '云岭市桐溪区人民政府办公室');
    const gov = indexed('gov.txt', 2022, { carried: 9, active: R2021 });
    assert.equal(pairReports([old, neu, office, gov]).size, 0);
    const byHand = pairReports([old, neu], [['old.txt', 'new.txt']]);
    assert.equal(byHand.get('new.txt')?.previous?.file, 'old.txt');
  });
});

describe('crossyear.stock', () => {
  it('2021 format: in force = last year’s + issued − repealed', () => {
    const last = indexed('2021.txt', 2021, { active: R2021 });
    const good = indexed('2022.txt', 2022, { active: { 规章: [0, 1, 3], 行政规范性文件: [5, 2, 23] } });
    assert.deepEqual(zh(crossFindings([last, good], '2022.txt')), []);
    const bad = indexed('2022.txt', 2022, { active: { 规章: [0, 1, 3], 行政规范性文件: [5, 2, 25] } });
    const found = crossFindings([last, bad], '2022.txt');
    assert.deepEqual(zh(found), ['crossyear.stock 规范性文件现行有效件数为 25，按2021年报告（2021.txt）应为 20 + 本年制发 5 − 本年废止 2 = 23']);
    assert.equal(found[0]!.severity, 'warning');
  });
  it('2019 format: total = last year’s + published; items last year = last year’s items + last year’s change', () => {
    const last = indexed('2019.txt', 2019, { active: { 规章: [1, 1, 3], 规范性文件: [2, 2, 18], 行政许可: [10, '+2', 5], 行政事业性收费: [7, '-1'] } });
    const good = indexed('2020.txt', 2020, { active: { 规章: [1, 1, 4], 规范性文件: [2, 2, 20], 行政许可: [12, '0', 5], 行政事业性收费: [6, '0'] } });
    assert.deepEqual(zh(crossFindings([last, good], '2020.txt')), []);
    const bad = indexed('2020.txt', 2020, { active: { 规章: [1, 1, 4], 规范性文件: [2, 2, 20], 行政许可: [10, '0', 5], 行政事业性收费: [6, '0'] } });
    assert.deepEqual(zh(crossFindings([last, bad], '2020.txt')), [
      'crossyear.stock 行政许可上一年项目数量为 10，按2019年报告（2019.txt）应为 10 + 上年增/减 2 = 12',
    ]);
  });
});

describe('crossyear: nothing from a table read with uncertainty', () => {
  it('a 表三 whose row of 二 is short gives no carry-over finding', () => {
    const last = indexed('2021.txt', 2021, { carryover: 3, active: R2021 });
    const self = indexed('2022.txt', 2022, { carried: 2, active: R2021 });
    self.text = self.text.replace(/二、上年结转政府信息公开申请数量\t[^\n]*/, '二、上年结转政府信息公开申请数量\t2\t0\t0\t2');
    const report = check(self.text).report;
    assert.equal(report.tables.find((t) => t.decl.id === 'requests')?.confidence, 'uncertain');
    assert.deepEqual(
      zh(crossFindings([last, self], '2022.txt')).filter((s) => s.startsWith('crossyear.carryover')),
      [],
    );
  });
});
