// Loading and error states for fetched data.
import type { ReactNode } from "react";
import type { Resource } from "../state/app-state.js";

export function Loading({ what, verb = "Loading" }: { what: string; verb?: string }) {
  return (
    <p className="status loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" /> {verb} {what}…
    </p>
  );
}

export function ErrorNote({ title, message }: { title: string; message: string }) {
  return (
    <div className="status error" role="alert" data-testid="error">
      <strong>{title}</strong> {message}
    </div>
  );
}

/** Render the data of a resource, or its loading (`verb`: "Computing" for the worker's) / error state. */
export function WithResource<T>({
  resource,
  what,
  verb,
  children,
}: {
  resource: Resource<T> | undefined;
  what: string;
  verb?: string;
  children: (data: T) => ReactNode;
}) {
  if (!resource || resource.status === "loading") return <Loading what={what} {...(verb ? { verb } : {})} />;
  if (resource.status === "error") return <ErrorNote title={`Could not load ${what}.`} message={resource.error} />;
  return <>{children(resource.data)}</>;
}
