import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceSession } from '../../domain/device-session';

export interface ManageContextValue {
  session: DeviceSession;
  navigate: (path: string) => void;
}

const ManageContext = createContext<ManageContextValue | null>(null);

export function ManageProvider(props: { value: ManageContextValue; children: ComponentChildren }) {
  return <ManageContext.Provider value={props.value}>{props.children}</ManageContext.Provider>;
}

/** Who is signed in and how to go to another screen, for every management screen. */
export function useManage(): ManageContextValue {
  const value = useContext(ManageContext);
  if (!value) throw new Error('useManage needs a ManageProvider above it');
  return value;
}
