/**
 * What the client said at initialize: its capabilities, its language and the options it passed.
 * Set once by `initialize`; the other parts read it when they answer.
 */
import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver';
import type { ActionOptions } from '../features/codeActions';
import { localeOfInitialize, type Locale } from '../features/locale';

export interface InitOptions {
  locale?: string;
  statusNotification?: boolean;
  /** Settings for clients that have no `workspace/configuration` (the `nianbao` section). */
  settings?: unknown;
}

export class Session {
  caps: ClientCapabilities = {};
  locale: Locale = 'zh';
  /** The client asked for `nianbao/status` notifications. */
  statusNotification = false;

  /** Takes in the initialize request; returns the client's initialization options. */
  initialize(params: InitializeParams): InitOptions {
    this.caps = params.capabilities;
    this.locale = localeOfInitialize(params);
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    this.statusNotification = opts.statusNotification === true;
    return opts;
  }

  /** The client reads settings per resource through `workspace/configuration`. */
  get pullConfiguration(): boolean {
    return !!this.caps.workspace?.configuration;
  }

  get relatedInformation(): boolean {
    return !!this.caps.textDocument?.publishDiagnostics?.relatedInformation;
  }

  get actionOptions(): ActionOptions {
    return {
      documentChanges: !!this.caps.workspace?.workspaceEdit?.documentChanges,
      showDocument: !!this.caps.window?.showDocument?.support,
    };
  }
}
