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
 * How the server's Node is started (the VS Code client does; other clients may): a small young
 * generation. A check's garbage is small and short-lived, and with V8's default 16 MB semi-spaces an
 * editor with 50 reports open held ~89 MB instead of ~74 MB.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2'];
