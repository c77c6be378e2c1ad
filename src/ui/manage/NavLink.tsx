import type { ComponentChildren } from 'preact';
import { useManage } from './manage-context';

/** A link that moves inside the app without reloading it (and works offline). */
export function NavLink(props: { href: string; class?: string; children: ComponentChildren }) {
  const { navigate } = useManage();
  return (
    <a
      class={props.class ?? 'button'}
      href={props.href}
      onClick={(event) => {
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
