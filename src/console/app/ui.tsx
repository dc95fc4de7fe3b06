import { useState, type ReactNode } from 'react';
import type { SpacesError } from '../../errors/SpacesError.js';

/** The platform's (or the SDK's) error as it came: code and message, shown as text. */
export function ErrorNote({ error }: { error: SpacesError | undefined }) {
  if (!error) return null;
  return (
    <p role="alert">
      <strong>{error.code}</strong>: {error.message}
    </p>
  );
}

/** Shown while a call runs, announced to screen readers. */
export function Busy({ on, label = 'Loading…' }: { on: boolean; label?: string }) {
  return (
    <p className="busy" aria-live="polite">
      {on ? label : ''}
    </p>
  );
}

/** A button that asks again before doing something that cannot be undone. */
export function ConfirmButton({
  label,
  question,
  disabled,
  onConfirm,
}: {
  label: string;
  question: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span role="group" aria-label={question}>
      {question}{' '}
      <button
        type="button"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {`Yes, ${label.toLowerCase()}`}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

/** A titled section of a page. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A table's column headings. */
export function ColumnHeads({ names }: { names: readonly string[] }) {
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
