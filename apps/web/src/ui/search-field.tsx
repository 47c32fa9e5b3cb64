import { IconSearch } from './icons';

export interface SearchFieldProps {
  /** Its accessible name ("Search contacts"). */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Focused when its dialog opens (see `Modal`). */
  autoFocus?: boolean;
}

/** A search box with its magnifier, as the lists' toolbars and the contact picker show it. */
export function SearchField({ label, placeholder, value, onChange, autoFocus }: SearchFieldProps) {
  return (
    <div className="search-field">
      <IconSearch />
      <input
        className="input"
        type="search"
        placeholder={placeholder}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-autofocus={autoFocus ? true : undefined}
      />
    </div>
  );
}
