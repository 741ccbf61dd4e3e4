/** The open documents, as the client syncs them (incrementally). */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export function openDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments({
    create: TextDocument.create,
    update(doc, changes, version) {
      // vscode-languageserver-textdocument keeps a stale line table when an edit joins a "\r" and a
      // "\n" (the two become one line break): where either text has a carriage return, rebuild it.
      const carriage = doc.getText().includes('\r') || changes.some((c) => c.text.includes('\r'));
      const next = TextDocument.update(doc, changes, version);
      return carriage ? TextDocument.create(next.uri, next.languageId, version, next.getText()) : next;
    },
  });
}
