/**
 * What the server and the VS Code client say to each other beyond LSP itself: the server's
 * commands, the status notification and the workspace summary. Type imports only, so the client can
 * share it without bundling any of the server.
 */
import type { ShownReport } from '../core/show';

export const COMMANDS = {
  /** [uri]: every total set to the sum of its parts (applied through `workspace/applyEdit`). */
  recomputeTotals: 'nianbao.server.recomputeTotals',
  /** [uri]: every preferred fix. */
  fixAll: 'nianbao.server.fixAll',
  /** [folderUri…]: check every report under the workspace folders (or the given ones); diagnostics are published per file. */
  checkWorkspace: 'nianbao.server.checkWorkspace',
  /** [year, body?]: the text of a new report in the year's format. */
  template: 'nianbao.server.template',
  /** [ruleId]: open the rule's documentation page (`window/showDocument`). */
  showRuleDoc: 'nianbao.server.showRuleDoc',
  /** [uri]: the tables as read (`nianbao show`), as `TablesAsRead` in the client's language; null when the document is no open report. */
  showTables: 'nianbao.server.showTables',
} as const;

/** The answer to `showTables`: the grid for people and the versioned JSON, of one document version. */
export interface TablesAsRead {
  uri: string;
  version: number;
  text: string;
  json: ShownReport;
}

/** Custom notification with the detected format, year and counts, sent when the client asks for it (`initializationOptions.statusNotification`). */
export const STATUS_NOTIFICATION = 'nianbao/status';

export interface StatusParams {
  uri: string;
  version: number | null;
  isReport: boolean;
  format: string;
  year: number | null;
  error: number;
  warning: number;
  info: number;
  hint: number;
  /** Tables read with uncertainty: their sums were not checked. */
  uncheckedTables: number;
}

export interface WorkspaceSummary {
  /** Files looked at. */
  files: number;
  /** Of them, reports (checked, diagnostics published). */
  reports: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  /** Tables read with uncertainty, over all the reports: their sums were not checked. */
  uncheckedTables: number;
}

/**
 * The read-only report view of a document that is not text (.pdf, .doc, .docx, a web page):
 * `nianbao-import:/<label>?<the original file's uri>`. The client shows the text of `IMPORT_TEXT`
 * under such a uri and opens it; the server checks it as any open report, with the original's
 * `.nianbaorc.json`.
 */
export const IMPORT_SCHEME = 'nianbao-import';

/** Request `nianbao/importText` (`ImportTextParams` → `ImportText`): a file read as `nianbao import` reads it, tidied. */
export const IMPORT_TEXT_REQUEST = 'nianbao/importText';

export interface ImportTextParams {
  /** The original file's uri (`file:`). */
  uri: string;
}

export interface ImportText {
  /** The tidied text (what `nianbao import` writes); absent when the file cannot be read or is no report. */
  text?: string;
  /** Why there is no text, in the client's language. */
  message?: string;
  /** The encoding the file was decoded from ("utf-8", "gb18030"…). */
  encoding?: string;
  /** What was read: "pdf", "doc", "docx", "html", "text". */
  kind?: string;
  format?: string;
  year?: number | null;
  /** The findings on the text, by severity. */
  error?: number;
  warning?: number;
  info?: number;
  hint?: number;
  /** Tables read with uncertainty (their sums not checked). */
  uncheckedTables?: number;
}

/** The original file's uri of a `nianbao-import:` document, or null for any other uri. */
export function importedFrom(uri: string): string | null {
  if (!uri.startsWith(`${IMPORT_SCHEME}:`)) return null;
  const q = uri.indexOf('?');
  if (q < 0) return null;
  const end = uri.indexOf('#', q);
  try {
    const original = decodeURIComponent(uri.slice(q + 1, end < 0 ? undefined : end));
    return original.startsWith('file:') ? original : null;
  } catch {
    return null;
  }
}

/**
 * How the server's Node is started (the VS Code client does; other clients may): a small young
 * generation. A check's garbage is small and short-lived, and with V8's default 16 MB semi-spaces an
 * editor with 50 reports open held ~89 MB instead of ~74 MB.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2'];
