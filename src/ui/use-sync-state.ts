import { useEffect, useState } from 'preact/hooks';
import type { SyncEngineState } from '../sync/sync-status';
import { useServices } from './app-services';

export function useSyncState(): SyncEngineState {
  const { sync } = useServices();
  const [state, setState] = useState(sync.state());
  useEffect(() => sync.subscribe(setState), [sync]);
  return state;
}
