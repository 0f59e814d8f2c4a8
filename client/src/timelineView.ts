// The Timeline webview: the page (client/webview/timeline.ts) draws what articleLens/timelineData answers, asking
// again with its grouping and filters when the user changes them.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TIMELINE_DATA_REQUEST, type TimelineDataParams, type TimelineDataResult } from '../../server/src/protocol';
import { registerWebview } from './webviews/panel';

export function registerTimelineView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, changes: vscode.Event<void>): void {
  registerWebview<TimelineDataResult>(
    context,
    client,
    'articleLens.showTimeline',
    {
      viewType: 'articleLens.timeline',
      title: 'Article Lens: Timeline',
      script: 'timeline.js',
      load: (c, params) => c.sendRequest<TimelineDataResult>(TIMELINE_DATA_REQUEST, (params ?? {}) as TimelineDataParams),
    },
    changes,
  );
}
