// Import a scenario: a drop zone and file pickers for one native file or a GENIUS folder's .xml
// files. Problems come back in place (FileProblems).
import { useState } from "react";
import { importDismissed } from "../state/actions/import.js";
import { importScenario } from "../state/import-scenario.js";
import { dispatch, useAppState } from "../state/store.js";
import { droppedFiles, readFiles } from "../lib/read-files.js";
import { FileProblems } from "./FileProblems.js";

export function ImportPanel() {
  const state = useAppState((s) => s.import);
  const [over, setOver] = useState(false);
  const folderAttrs = { webkitdirectory: "", directory: "" } as Record<string, string>;

  const pick = async (list: FileList | null) => {
    if (list && list.length > 0) await importScenario(await readFiles(list));
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Import a scenario</h2>
      <div
        className={`drop-zone${over ? " over" : ""}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void droppedFiles(e.dataTransfer).then(importScenario);
        }}
      >
        <p>
          Drop a native scenario file (<code>.yaml</code>, <code>.yml</code>, <code>.json</code>) or the <code>.xml</code> files of a GENIUS folder
          (one domain, one profile per party) here, or
        </p>
        <div className="actions">
          <label className="button">
            Choose files…
            <input
              type="file"
              multiple
              accept=".yaml,.yml,.json,.xml"
              className="visually-hidden"
              data-testid="import-input"
              onChange={(e) => {
                void pick(e.currentTarget.files);
                e.currentTarget.value = "";
              }}
            />
          </label>
          <label className="button secondary">
            Choose a GENIUS folder…
            <input
              type="file"
              {...folderAttrs}
              className="visually-hidden"
              data-testid="import-folder-input"
              onChange={(e) => {
                void pick(e.currentTarget.files);
                e.currentTarget.value = "";
              }}
            />
          </label>
        </div>
      </div>
      {state.status === "uploading" && (
        <p className="status loading" role="status">
          <span className="spinner" aria-hidden="true" /> Checking {state.files.map((f) => f.name).join(", ")}…
        </p>
      )}
      {state.status === "failed" && (
        <div className="import-failed" data-testid="import-error">
          <div className="status error" role="alert">
            <strong>The scenario was not imported.</strong> {state.message}
            <button type="button" className="link" onClick={() => dispatch(importDismissed, undefined)}>
              Dismiss
            </button>
          </div>
          {state.issues.length > 0 && <FileProblems files={state.files} issues={state.issues} />}
        </div>
      )}
    </section>
  );
}
