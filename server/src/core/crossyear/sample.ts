/**
 * Consistent example reports of one body for a given year, with the figures that continue across
 * years set by the caller: for the rule pages, the tests and the bench. Built from the template
 * (so from the format declarations); every table sums.
 */
import { reportTemplate } from '../skeleton';

export interface SampleFigures {
  /** 表三 自然人 column: new requests (by default 5 + year mod 7), carried over from last year, carried over to next year. */
  fresh?: number;
  carried?: number;
  carryover?: number;
  /** 表二 (一) rows by label ("规章", "行政规范性文件" / "规范性文件"), and (五)(六)(八) rows: their cells in column order. */
  active?: Record<string, (number | string)[]>;
}

/** A whole report: title, period, six sections, the tables filled (zeros where not given). */
export function sampleReport(year: number, body: string, f: SampleFigures = {}): string {
  // New requests differ from year to year, as they do (identical tables two years running are a finding of their own).
  const fresh = f.fresh ?? 5 + (year % 7);
  const carried = f.carried ?? 0;
  const carryover = f.carryover ?? 0;
  const granted = fresh + carried - carryover;
  const seven = (n: number) => [n, 0, 0, 0, 0, 0, n].join('\t');
  const request: Record<string, string> = {
    '一、本年新收政府信息公开申请数量': seven(fresh),
    '二、上年结转政府信息公开申请数量': seven(carried),
    '（一）予以公开': seven(granted),
    '（七）总计': seven(granted),
    '四、结转下年度继续办理': seven(carryover),
  };
  const lines = reportTemplate(year, body).split('\n');
  return `${lines
    .map((line) => {
      const tabs = line.match(/\t+$/)?.[0].length ?? 0;
      if (!tabs) return line;
      const label = line.slice(0, line.length - tabs);
      if (request[label]) return `${label}\t${request[label]}`;
      const given = f.active?.[label];
      if (given) return `${label}\t${given.join('\t')}`;
      // 表四's one row of 15 cells has no label: the line is all tabs.
      return label
        ? `${label}${'\t0'.repeat(tabs)}`
        : Array(tabs + 1)
            .fill('0')
            .join('\t');
    })
    .join('\n')
    .replace(/(（[一二三四五]）[^\n]*\n)\n/g, '$1本年度按要求开展相关工作。\n\n')}`;
}
