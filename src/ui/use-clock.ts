import { useEffect, useState } from 'preact/hooks';
import { useServices } from './app-services';

/** The current time, refreshed every `everyMs`, for ages such as "12 menit lalu". */
export function useClock(everyMs = 30_000): number {
  const { now } = useServices();
  const [time, setTime] = useState(now);
  useEffect(() => {
    const handle = window.setInterval(() => setTime(now()), everyMs);
    return () => window.clearInterval(handle);
  }, [now, everyMs]);
  return time;
}
