// Plain-language descriptions of model pieces: red lines, value lists, issues.
import type { Issue } from "@parley/core";

export { redLineText, valuesText } from "@parley/core";

export function issueRangeText(issue: Issue): string {
  switch (issue.kind) {
    case "categorical":
      return issue.options.join(" · ");
    case "integer":
      return `${issue.min} … ${issue.max} (integers)`;
    case "real":
      return `${issue.min} … ${issue.max} (step ${issue.step})`;
  }
}
