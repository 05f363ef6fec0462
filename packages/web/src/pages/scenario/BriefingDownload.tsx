// "Download briefing": the scenario as the page shows it (as-of date, readings), for every framework
// or one, as one self-contained HTML file (the same as `parley report`), built in the worker.
import { useState } from "react";
import type { Scenario } from "@parley/core";
import type { ScenarioView } from "../../lib/route.js";
import { analysisWorker } from "../../worker/analysis-client.js";
import { briefingFileName } from "../../worker/briefing-task.js";

export function BriefingDownload({ scenario, view }: { scenario: Scenario; view: ScenarioView }) {
  const [framework, setFramework] = useState("");
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const html = await analysisWorker().briefing({
        scenario,
        view,
        ...(framework ? { framework } : {}),
        date: new Date().toISOString().slice(0, 10),
      });
      const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = briefingFileName(scenario.id, view, framework || undefined);
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoked a little later: some browsers read the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="briefing-download" data-testid="briefing">
      {scenario.frameworks.length > 1 && (
        <label className="small">
          Briefing on{" "}
          <select value={framework} onChange={(e) => setFramework(e.target.value)} data-testid="briefing-framework">
            <option value="">every framework</option>
            {scenario.frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="button secondary small" onClick={() => void download()} disabled={state.busy} data-testid="briefing-download">
        {state.busy ? "Preparing the briefing…" : "Download briefing"}
      </button>
      {view.asOf && <span className="muted small"> as of {view.asOf}</span>}
      {state.error && (
        <span className="status error small" role="alert" data-testid="briefing-error">
          {" "}
          {state.error}
        </span>
      )}
    </div>
  );
}
