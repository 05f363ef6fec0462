// Importing a scenario: files chosen → uploading → created, or failed with the server's problems.
import type { ApiIssue } from "../../api/types.js";
import { initialImport, type UploadFile } from "../app-state.js";
import type { Action } from "../action.js";

export const importStarted: Action<{ files: readonly UploadFile[] }> = (state, { files }) => ({
  ...state,
  import: { ...initialImport, status: "uploading", files },
});

export const importFailed: Action<{ message: string; issues: readonly ApiIssue[] }> = (state, { message, issues }) => ({
  ...state,
  import: { ...state.import, status: "failed", message, issues },
});

export const importSucceeded: Action<{ id: string; version: number }> = (state, created) => ({
  ...state,
  import: { ...state.import, status: "done", created, issues: [], message: null },
});

export const importDismissed: Action<void> = (state) => (state.import === initialImport ? state : { ...state, import: initialImport });
