/**
 * A button that opens the file picker: the label is the button, the input stays hidden but
 * named by it (screen readers and tests find it by its label). The input is emptied after
 * each pick, so the same file can be chosen again.
 */
export function FilePickButton(props: {
  label: string;
  disabled: boolean;
  onPick: (file: File) => void;
}) {
  return (
    <label class="button file-button">
      {props.label}
      <input
        type="file"
        class="visually-hidden"
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) props.onPick(file);
        }}
      />
    </label>
  );
}
