/**
 * What a first-time user meets: the report's status as a language status item (format, year,
 * counts, tables not checked, a link to the table view), the offer to switch a plain-text report
 * to the report language, and the name a new report from the template is given.
 */
import * as vscode from 'vscode';
import type { StatusParams as Status } from '../../server/src/features/protocol';

/** The documents the language status is shown for: any scheme (files, drafts, the read-only text of a .pdf). */
const SELECTOR: vscode.DocumentSelector = [{ language: 'nianbao' }, { language: 'plaintext' }, { language: 'markdown' }];

/** Context key: the active editor holds a text the server recognised as a report (the table view's button). */
export const IS_REPORT_CONTEXT = 'nianbao.isReport';

/**
 * The language status item of the active report (shown in the `{}` beside the language name), or
 * none when the active text is no report.
 */
export class ReportStatus implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;

  show(uri: vscode.Uri | undefined, s: Status | undefined): void {
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, !!s?.isReport);
    if (!uri || !s?.isReport) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    if (!this.item) {
      this.item = vscode.languages.createLanguageStatusItem('nianbao.status', SELECTOR);
      this.item.name = vscode.l10n.t('nianbao report status');
    }
    const item = this.item;
    const format = s.format === 'unknown' ? vscode.l10n.t('format unknown') : vscode.l10n.t('{0} format', s.format);
    const year = s.year === null ? vscode.l10n.t('year unknown') : vscode.l10n.t('year {0}', String(s.year));
    const unchecked = s.uncheckedTables;
    const notChecked = unchecked === 1 ? vscode.l10n.t('1 table not checked') : vscode.l10n.t('{0} tables not checked', unchecked);
    item.text = `$(checklist) ${format} · ${year}`;
    item.detail = `${vscode.l10n.t('{0} errors, {1} warnings, {2} notes', s.error, s.warning, s.info + s.hint)}${unchecked > 0 ? ` · ${notChecked}` : ''}`;
    item.severity =
      s.error > 0
        ? vscode.LanguageStatusSeverity.Error
        : s.warning > 0 || unchecked > 0
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
    item.command = { title: vscode.l10n.t('Open Table View'), command: 'nianbao.openTableView', arguments: [uri] };
    item.accessibilityInformation = { label: `${format}, ${year}, ${item.detail}` };
  }

  dispose(): void {
    this.item?.dispose();
  }
}

const DONT_ASK_KEY = 'nianbao.languageOffer.never';
const ASKED_KEY = 'nianbao.languageOffer.asked';

/**
 * A plain-text document the server recognised as a report: offer, once per file, to switch it to
 * the report language (highlighting, snippets); "don't ask again" stops the offer everywhere.
 */
export async function offerReportLanguage(context: vscode.ExtensionContext, doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'plaintext' || context.globalState.get<boolean>(DONT_ASK_KEY)) return;
  const key = doc.uri.toString();
  const asked = context.workspaceState.get<string[]>(ASKED_KEY) ?? [];
  if (asked.includes(key)) return;
  await context.workspaceState.update(ASKED_KEY, [...asked, key].slice(-500));
  const yes = vscode.l10n.t('Switch');
  const never = vscode.l10n.t('Do Not Ask Again');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('{0} looks like an annual report. Switch it to the report language (highlighting, snippets)?', doc.uri.path.split('/').pop() ?? key),
    yes,
    never,
  );
  if (answer === yes && !doc.isClosed) await vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
  else if (answer === never) await context.globalState.update(DONT_ASK_KEY, true);
}

/**
 * The name proposed for a new report (matching the report file pattern `*政府信息公开*年度报告*.txt`,
 * so that it opens as a report once saved), as an untitled document in the first workspace folder;
 * a number is added when that name is taken on disk or by an open draft.
 */
export async function untitledReportUri(year: number, body: string): Promise<vscode.Uri> {
  const safe = body.replace(/[\\/:*?"<>|\s]+/g, '');
  const stem = `${safe}${year}年政府信息公开工作年度报告`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.txt` : `${stem}（${n}）.txt`;
    const target = folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`);
    const untitled = target.with({ scheme: 'untitled' });
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === untitled.toString());
    const exists =
      folder &&
      (await vscode.workspace.fs.stat(target).then(
        () => true,
        () => false,
      ));
    if (!open && !exists) return untitled;
  }
}
