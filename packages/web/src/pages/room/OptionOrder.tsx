// One issue's options in the preferences form, best first: dragged by their handle with a pointer
// (mouse, pen or touch: pointer events, so phones work too), or moved with the labelled ↑/↓ buttons
// from the keyboard; each move is announced in words (a polite live region). "Never accept" marks
// a red line. The order changes as the pointer crosses the other options' middles, so the preview
// under the form follows the drag.
import { useEffect, useRef, useState, type PointerEvent } from "react";
import { dropIndex, type IssueChoice } from "../../lib/room-preferences.js";

export function OptionOrder({ choice, onMove, onForbid }: { choice: IssueChoice; onMove: (option: string, index: number) => void; onForbid: (option: string, forbidden: boolean) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const n = choice.order.length;
  const moveAndSay = (option: string, index: number) => {
    const to = Math.max(0, Math.min(n - 1, index));
    onMove(option, to);
    setSaid(`${option} moved to place ${to + 1} of ${n} (${choice.name}).`);
  };

  // While dragging, the window follows the pointer (the handle moves under it as the order changes).
  const latest = useRef({ choice, onMove });
  latest.current = { choice, onMove };
  useEffect(() => {
    if (dragging === null) return;
    const move = (e: globalThis.PointerEvent) => {
      const items = [...(list.current?.children ?? [])] as HTMLElement[];
      const others = items.filter((li) => li.dataset["option"] !== dragging).map((li) => {
        const r = li.getBoundingClientRect();
        return r.top + r.height / 2;
      });
      const to = dropIndex(others, e.clientY);
      const { choice: c, onMove: mv } = latest.current;
      if (c.order.indexOf(dragging) !== to) mv(dragging, to);
    };
    const up = () => {
      const c = latest.current.choice;
      setSaid(`${dragging} moved to place ${c.order.indexOf(dragging) + 1} of ${c.order.length} (${c.name}).`);
      setDragging(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", up);
    return () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
    };
  }, [dragging]);

  const grab = (option: string) => (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    setDragging(option);
  };
  return (
    <>
      <ol ref={list} className={`pref-order${dragging ? " is-dragging" : ""}`} aria-label={`${choice.name}: options, best first`}>
        {choice.order.map((o, i) => (
          <li key={o} data-option={o} className={dragging === o ? "dragging" : undefined}>
            <span className="drag-handle" aria-hidden="true" title={`Drag ${o} up or down`} onPointerDown={grab(o)} data-testid={`drag-${choice.issue}-${o}`}>
              ⠿
            </span>
            <span className="pref-option">{o}</span>
            {/* The arrow is drawn, the name is spoken: "Move north up" (no aria-label over a visible glyph). */}
            <button type="button" className="icon-button" disabled={i === 0} onClick={() => moveAndSay(o, i - 1)}>
              <span aria-hidden="true">↑</span>
              <span className="sr-only">Move {o} up</span>
            </button>
            <button type="button" className="icon-button" disabled={i === n - 1} onClick={() => moveAndSay(o, i + 1)}>
              <span aria-hidden="true">↓</span>
              <span className="sr-only">Move {o} down</span>
            </button>
            <label className="small">
              <input type="checkbox" checked={choice.forbidden.includes(o)} onChange={(e) => onForbid(o, e.target.checked)} /> never accept {o}
            </label>
          </li>
        ))}
      </ol>
      <p className="sr-only" role="status" data-testid={`pref-order-said-${choice.issue}`}>
        {said}
      </p>
    </>
  );
}
