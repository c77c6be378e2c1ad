import { UNIT_TYPES, type UnitType } from '../../domain/entry';
import { useManageText } from './manage-messages';

/** A labelled text input; `onValue` gets the text as typed. */
export function TextField(props: {
  label: string;
  value: string | number;
  onValue: (value: string) => void;
  required?: boolean;
  maxLength?: number;
  placeholder?: string;
}) {
  return (
    <label class="field">
      {props.label}
      <input
        required={props.required}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </label>
  );
}

/** A competition's year, as the schema allows it. */
export function YearField(props: {
  label: string;
  value: number | string;
  onValue: (year: string) => void;
}) {
  return (
    <label class="field">
      {props.label}
      <input
        required
        type="number"
        min={2000}
        max={2100}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </label>
  );
}

/** A labelled select over a fixed list of values (an `as const` list of the domain). */
export function ChoiceField<T extends string>(props: {
  label: string;
  value: T;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChoose: (choice: T) => void;
  disabled?: boolean;
}) {
  return (
    <label class="field">
      {props.label}
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => {
          const chosen = props.choices.find((c) => c === e.currentTarget.value);
          if (chosen !== undefined) props.onChoose(chosen);
        }}
      >
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {props.labelOf(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The kind of a unit (Dinas, Kecamatan, Puskesmas…). */
export function UnitTypeField(props: { value: UnitType; onChoose: (type: UnitType) => void }) {
  const t = useManageText();
  return (
    <ChoiceField
      label={t('unitTypeLabel')}
      value={props.value}
      choices={UNIT_TYPES}
      labelOf={(u) => t(`unitType.${u}`)}
      onChoose={props.onChoose}
    />
  );
}
