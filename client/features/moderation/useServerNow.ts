import { useEffect, useState } from 'react';

const tickMs = 250;

/**
 * The server's time now (the local clock corrected by `clockOffset`), re-rendering four times a
 * second while `running`; a paused countdown needs no ticks, its remaining time is fixed.
 */
export function useServerNow(clockOffset: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [running]);
  return now + clockOffset;
}
