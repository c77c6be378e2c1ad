import { useEffect, useState } from 'preact/hooks';

/** The screens a path can name. Paths are plain (no hash) so deep links and reloads work. */
export type Route =
  | { page: 'home' }
  | { page: 'device' }
  | { page: 'score'; assignmentId: string }
  /** The panitia's and operators' screens; their own router (in their chunk) reads `path`. */
  | { page: 'manage'; path: string };

export const DEVICE_PATH = '/perangkat';
export const MANAGE_PATH = '/kelola';

const SCORE_PATH = /^\/nilai\/([0-9a-f-]{36})\/?$/;

export function parseRoute(pathname: string): Route {
  const score = SCORE_PATH.exec(pathname);
  if (score?.[1]) return { page: 'score', assignmentId: score[1] };
  if (pathname.startsWith(MANAGE_PATH)) return { page: 'manage', path: pathname };
  return pathname.replace(/\/$/, '') === DEVICE_PATH ? { page: 'device' } : { page: 'home' };
}

export function scorePath(assignmentId: string): string {
  return `/nilai/${assignmentId}`;
}

/** The current route, following the back button; `navigate` pushes a new one. */
export function useRoute(): { route: Route; navigate: (path: string) => void } {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return {
    route,
    navigate: (path) => {
      window.history.pushState(null, '', path);
      setRoute(parseRoute(path));
      window.scrollTo(0, 0);
    },
  };
}
