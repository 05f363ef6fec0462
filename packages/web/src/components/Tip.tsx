// A hover/focus tooltip for any content: multi-line text in a styled bubble (no JS positioning).
import type { ReactNode } from "react";

export function Tip({ text, children, className }: { text: string; children: ReactNode; className?: string }) {
  return (
    <span className={`tip${className ? ` ${className}` : ""}`} tabIndex={0}>
      {children}
      <span className="tip-body" role="tooltip">
        {text}
      </span>
    </span>
  );
}
