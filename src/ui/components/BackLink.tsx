/** "← Kembali": a real link (it works with a middle click), handled in the app's router. */
export function BackLink(props: { label: string; class: string; onBack: () => void }) {
  return (
    <a
      class={props.class}
      href="/"
      onClick={(e) => {
        e.preventDefault();
        props.onBack();
      }}
    >
      ← {props.label}
    </a>
  );
}
