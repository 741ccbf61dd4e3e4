/**
 * `nianbao check --format junit`: one test case per file, for CI dashboards (GitLab, Jenkins, Azure
 * DevOps). A file with findings at error severity fails its case (one <failure> listing them); a
 * file that cannot be checked is an <error>; warnings and notes go to the case's <system-out>.
 * Streamed file by file: the <testsuite> carries no counts (known only at the end; CI tools count
 * the cases), and a closing comment gives the totals.
 */
import { type Locale, localize } from '../core';
import type { Outcome, OutFinding, Result } from './outcome';
import type { Writer } from './output';

/** Text as XML 1.0 character data or attribute value: markup escaped, characters XML forbids dropped. */
export function xmlEscape(s: string): string {
  return (
    s
      // Control characters but tab and line ends, lone surrogates, U+FFFE and U+FFFF.
      .replace(/[^\P{Cc}\t\n\r]|\p{Cs}|[\ufffe\uffff]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
  );
}

function line(o: Outcome, f: OutFinding, locale: Locale): string {
  return `${o.display}:${f.line}:${f.column} ${f.severity} ${f.code} ${localize(f.message, locale)}`;
}

export function junitWriter(locale: Locale): Writer {
  const zh = locale !== 'en';
  return {
    begin: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="nianbao">\n<testsuite name="nianbao check">\n',
    render: (o) => {
      const fs = o.findings ?? [];
      const errors = fs.filter((f) => f.severity === 'error');
      const others = fs.filter((f) => f.severity !== 'error');
      let body = '';
      if (errors.length) {
        const message = zh ? `${errors.length} 个错误` : `${errors.length} error(s)`;
        body += `    <failure type="nianbao" message="${xmlEscape(message)}">${xmlEscape(errors.map((f) => line(o, f, locale)).join('\n'))}</failure>\n`;
      }
      if (others.length) body += `    <system-out>${xmlEscape(others.map((f) => line(o, f, locale)).join('\n'))}</system-out>\n`;
      const name = xmlEscape(o.display);
      const open = `  <testcase classname="nianbao" name="${name}" file="${name}"`;
      return { text: body ? `${open}>\n${body}  </testcase>\n` : `${open}/>\n`, items: errors.length ? 1 : 0 };
    },
    place: (r) => r.text,
    unreadable: (r: Result) => {
      const name = xmlEscape(r.display);
      const message = zh ? '无法检查' : 'could not be checked';
      return `  <testcase classname="nianbao" name="${name}" file="${name}">\n    <error type="nianbao" message="${xmlEscape(message)}">${xmlEscape(r.error ?? '')}</error>\n  </testcase>\n`;
    },
    end: (s) =>
      `</testsuite>\n</testsuites>\n<!-- nianbao: ${s.files + s.failed} file(s), ${s.totals().error} error finding(s), ${s.failed} file(s) could not be checked -->\n`,
  };
}
