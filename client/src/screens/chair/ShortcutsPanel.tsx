import { Section } from '../../components/panels';
import type { Shortcut } from '../../hooks/useShortcuts';
import { useT } from '../../i18n';

/** The help for the keys, read from the same table that handles them. */
export function ShortcutsPanel({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  const t = useT();
  return (
    <Section title={t('shortcuts')} id="shortcuts-title">
      <dl className="shortcuts" data-testid="chair-shortcuts">
        {shortcuts.map((s) => (
          <div key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('shortcutsNote')}</p>
    </Section>
  );
}
