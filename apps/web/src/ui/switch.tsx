export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  /** Hide the label visually (it is still read out). */
  hideLabel?: boolean;
  disabled?: boolean;
}

/** An on/off toggle: a real checkbox (`role=switch`), so it is keyboard and screen-reader friendly. */
export function Switch({ checked, onChange, label, hideLabel, disabled }: SwitchProps) {
  return (
    <label className="switch-field">
      <span className="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          checked={checked}
          disabled={disabled}
          aria-label={hideLabel ? label : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="switch-track" />
      </span>
      {hideLabel ? null : <span>{label}</span>}
    </label>
  );
}
