import { useRef, useState, type ChangeEvent } from 'react';
import { loadShiViz, loadTraceFile } from '../deferred.ts';
import { isError, replayRun, type RunRecord } from '../sim/run.ts';
import { useSimulation, useSimulationStore } from '../store/context.tsx';
import { currentSession, startNewSession } from '../store/persist.ts';
import { MAX_NODES } from '../store/settings.ts';
import { shareLink } from '../store/share.ts';
import { showSeconds } from './format.ts';

/** What the menu last did, or why it could not. */
type Status = { readonly kind: 'done' | 'error'; readonly text: string } | undefined;

/** Said when code kept out of the first load cannot be fetched. */
const UNAVAILABLE: Status = { kind: 'error', text: 'That part of the app could not be loaded (offline before it was ever fetched?). Reload when online and try again.' };

/** Offers `text` to the user as a file called `name`. */
function offerFile(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The address bar without a shared run, so a reload restores the saved session instead. */
function forgetLinkInAddressBar(): void {
  const url = new URL(window.location.href);
  url.search = '';
  window.history.replaceState(null, '', url.toString());
}

/**
 * The Session menu's panel: the session's link, files and reset. Kept out of the first load
 * (see deferred.ts): nothing in it is needed before the menu is opened.
 */
export function SessionPanel() {
  const store = useSimulationStore();
  const actions = useSimulation((s) => s.actions);
  const [status, setStatus] = useState<Status>(undefined);
  const [link, setLink] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  const fileName = (ending: string): string => `causal-chat-seed${store.getState().settings.seed}.${ending}`;

  const copyLink = async (): Promise<void> => {
    const url = await shareLink(window.location.href, currentSession(store));
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'done', text: `Link copied (${url.length} characters).` });
    } catch {
      setStatus({ kind: 'done', text: `Copy the link below (${url.length} characters).` });
    }
  };

  /**
   * The run to export, and what to say about it: an export holds the run up to the moment
   * shown, which after a rewind can stop short of what was recorded (a link keeps that).
   */
  const toExport = (what: string): { run: RunRecord; said: string } => {
    const run = actions.currentRun();
    const said = actions.recordsAhead()
      ? `${what} up to t = ${showSeconds(run.now)}, the moment shown. What was recorded after it is not in the file: play on to the end (or drag the timeline there) and export again to include it.`
      : `${what}.`;
    return { run, said };
  };

  const exportTrace = async (): Promise<void> => {
    const { run, said } = toExport('Trace exported');
    const traceFile = await loadTraceFile().catch(() => undefined);
    if (!traceFile) return setStatus(UNAVAILABLE);
    offerFile(traceFile.serializeRunTrace(run), fileName('trace.json'), 'application/json');
    setStatus({ kind: 'done', text: said });
  };

  const exportShiViz = async (): Promise<void> => {
    const { run, said } = toExport('ShiViz log exported');
    const shiViz = await loadShiViz().catch(() => undefined);
    if (!shiViz) return setStatus(UNAVAILABLE);
    offerFile(shiViz.toShiViz(replayRun(run).toTrace()), fileName('shiviz.log'), 'text/plain');
    setStatus({ kind: 'done', text: `${said} Open the log at bestchai.bitbucket.io/shiviz.` });
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const traceFile = await loadTraceFile().catch(() => undefined);
    if (!traceFile) return setStatus(UNAVAILABLE);
    const { importTrace, MAX_TRACE_CHARS } = traceFile;
    if (file.size > MAX_TRACE_CHARS) {
      setStatus({ kind: 'error', text: `Could not import ${file.name}: it is ${(file.size / 1024 / 1024).toFixed(1)} MB; traces of up to ${MAX_TRACE_CHARS / 1024 / 1024} MB can be imported. Nothing changed.` });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ kind: 'error', text: `Could not read ${file.name}. Nothing changed.` });
      return;
    }
    const result = importTrace(text, MAX_NODES);
    if (isError(result)) {
      setStatus({ kind: 'error', text: `Could not import ${file.name}: ${result.error} Nothing changed.` });
      return;
    }
    actions.loadRun(result.run);
    forgetLinkInAddressBar();
    setStatus({ kind: 'done', text: `Imported ${file.name}: ${result.trace.events.length} events replayed.` });
  };

  const newSession = (): void => {
    startNewSession(store);
    forgetLinkInAddressBar();
    setLink(undefined);
    setStatus({ kind: 'done', text: 'New session started.' });
  };

  return (
    <div className="session-panel">
      <div className="session-buttons">
        <button type="button" onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" onClick={() => void exportTrace()}>
          Export trace
        </button>
        <button type="button" onClick={() => void exportShiViz()}>
          Export ShiViz
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import trace…
        </button>
        <input ref={fileInput} type="file" tabIndex={-1} accept=".json,application/json" aria-label="Trace file to import" className="visually-hidden" onChange={(e) => void importFile(e)} />
        <button type="button" onClick={newSession}>
          New session
        </button>
      </div>
      {link !== undefined && <input className="session-link" readOnly value={link} aria-label="Link to this run" onFocus={(e) => e.target.select()} />}
      {status && (
        <p className={`session-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
