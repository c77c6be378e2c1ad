import { useResultsText } from './results-messages';

/**
 * An ordered list whose items move one place up or down with buttons: reachable by
 * keyboard and at least 44 px, where dragging would be neither. The buttons name their
 * item for screen readers; the first cannot go up and the last cannot go down.
 */
export function ReorderList(props: {
  items: readonly { key: string; label: string }[];
  onMove: (index: number, step: -1 | 1) => void;
}) {
  const t = useResultsText();
  const last = props.items.length - 1;
  return (
    <ol>
      {props.items.map((item, index) => (
        <li key={item.key} class="actions">
          <span>{item.label}</span>
          <button
            type="button"
            class="button small"
            aria-label={t('moveUp', { item: item.label })}
            disabled={index === 0}
            onClick={() => props.onMove(index, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="button small"
            aria-label={t('moveDown', { item: item.label })}
            disabled={index === last}
            onClick={() => props.onMove(index, 1)}
          >
            ↓
          </button>
        </li>
      ))}
    </ol>
  );
}
