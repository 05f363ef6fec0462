// The room header's notice (lib/room-notice.ts): visible, and announced by screen readers when what
// this session is asked changes (a polite live region: "Your answer is needed: rate draft 2 …").
// The deadline is shown beside it and joins the announcement only when it is close, so a countdown
// does not speak every minute. A wall-clock deadline is re-read every 15 s.
import { useEffect, useState } from "react";
import type { RoomView } from "../../api/types.js";
import { roomNotice } from "../../lib/room-notice.js";

function useNow(active: boolean, everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs]);
  return now;
}

export function RoomNotice({ view, role, party }: { view: RoomView; role: string | null; party: string | null }) {
  const now = useNow(view.deadlineAt !== null);
  const n = roomNotice(view, role, party, now, (iso) => new Date(iso).toLocaleTimeString());
  return (
    <div className={n.needed ? "notice room-notice" : "room-notice waiting"} data-testid="room-notice-box" data-needed={n.needed ? "1" : "0"}>
      <p role="status" aria-live="polite" data-testid="room-notice">
        {n.text}
        {n.close && n.deadline ? ` ${n.deadline}` : ""}
      </p>
      {n.deadline && !n.close ? (
        <p className="small" data-testid="room-deadline">
          {n.deadline}
        </p>
      ) : null}
    </div>
  );
}
