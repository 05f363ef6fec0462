// Validation problems shown in place: each file's text with the offending lines highlighted and
// the messages beside them.
import type { ApiIssue } from "../api/types.js";
import { annotateLines, issuePath, issuesByFile, type TextFile } from "../lib/import-files.js";

function IssueText({ issue }: { issue: ApiIssue }) {
  const where = issue.line !== undefined ? `line ${issue.line}${issue.column !== undefined ? `:${issue.column}` : ""}` : null;
  return (
    <span className={`issue-text ${issue.severity}`}>
      <span className="issue-badge">{issue.severity}</span>
      {where && <span className="issue-where">{where}</span>}
      {issue.message}
      {issue.path.length > 0 && <code className="issue-path">{issuePath(issue.path)}</code>}
      <span className="issue-code">{issue.code}</span>
    </span>
  );
}

export function FileProblems({ files, issues }: { files: readonly TextFile[]; issues: readonly ApiIssue[] }) {
  const grouped = issuesByFile(files, issues);
  return (
    <div className="file-problems" data-testid="file-problems">
      {grouped.general.length > 0 && (
        <ul className="general-issues">
          {grouped.general.map((issue, k) => (
            <li key={k} data-testid="problem-message">
              {issue.file && <code>{issue.file}</code>} <IssueText issue={issue} />
            </li>
          ))}
        </ul>
      )}
      {grouped.files.map(({ file, issues: fileIssues }) => {
        const lines = annotateLines(file.text, fileIssues);
        const unplaced = fileIssues.filter((i) => i.line === undefined);
        return (
          <section key={file.name} className="problem-file" data-testid="problem-file" data-file={file.name}>
            <h3>
              <code>{file.name}</code>{" "}
              <span className="count">
                {fileIssues.length} problem{fileIssues.length === 1 ? "" : "s"}
              </span>
            </h3>
            {unplaced.length > 0 && (
              <ul className="general-issues">
                {unplaced.map((issue, k) => (
                  <li key={k} data-testid="problem-message">
                    <IssueText issue={issue} />
                  </li>
                ))}
              </ul>
            )}
            <div className="code-view" role="table" aria-label={`${file.name} with problems`}>
              {lines.map((l, k) => (
                <div
                  key={k}
                  role="row"
                  className={`code-row${l.issues.length ? " problem-line" : ""}${l.number === null ? " elided" : ""}`}
                  data-testid={l.issues.length ? "problem-line" : undefined}
                  data-line={l.number ?? undefined}
                >
                  <span role="cell" className="gutter">
                    {l.number ?? ""}
                  </span>
                  <span role="cell" className="code">
                    {l.text === "" ? " " : l.text}
                  </span>
                  <span role="cell" className="messages">
                    {l.issues.map((issue, j) => (
                      <span key={j} className="message" data-testid="problem-message">
                        <IssueText issue={issue} />
                      </span>
                    ))}
                  </span>
                </div>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
