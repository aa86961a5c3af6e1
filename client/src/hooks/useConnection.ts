import { useEffect } from 'react';
import { useT, type StringKey } from '../i18n';
import { connect, disconnect, type Auth } from '../socket';

/**
 * One socket per screen, open while the screen has its credentials (null: not yet signed
 * in). A new credential (another seat key, a new sign-in) closes the old socket first; the
 * credential's content decides that, not its object identity, so a re-render reconnects
 * nothing.
 */
export function useConnection(auth: Auth | null): void {
  const key = auth ? JSON.stringify(auth) : null;
  useEffect(() => {
    if (key === null) return;
    connect(JSON.parse(key) as Auth);
    return () => disconnect();
  }, [key]);
}

/** The browser tab's title, "Salen — <screen>", in the current language. */
export function useDocumentTitle(key: StringKey): void {
  const t = useT();
  const title = `Salen — ${t(key)}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
