import './elections.css';

/** A hash or secret: shortened on the wall (the full value is in its title), in full on a console. */
export function Hash({ value, full, testId }: { value: string; full?: boolean; testId?: string }) {
  return (
    <code className={`hash ${full ? 'hash-full' : ''}`} title={value} data-full={value} data-testid={testId}>
      {full || value.length <= 16 ? value : `${value.slice(0, 12)}…`}
    </code>
  );
}
