import { useEffect, useEffectEvent } from 'react';
import type { ActionBody, Refusal } from '../../../shared/index';
import type { StringKey } from '../i18n';
import { act, type Ack } from '../socket';
import { useStore } from '../store';

/** What one press of a shortcut — or of the button that carries its key — does now. */
export interface Press {
  /** The body sent; null while the form it comes from is incomplete (then nothing is sent). */
  body: ActionBody | null;
  /** The label on the feedback line. */
  label: string;
  /** The engine's verdict on the body (null: allowed); a refused press sends nothing. */
  refusal: Refusal | null | undefined;
  /** The key the press is tracked under while it waits for its answer (default: the body's type). */
  pendingKey?: string;
  /** Runs with the server's answer. */
  then?: (ack: Ack) => void;
  /** An irreversible press asks first (a confirmation dialog); `go` sends it. */
  ask?: (go: () => void) => void;
}

/** One row of a screen's table of shortcuts: it drives the keys and the help panel alike. */
export interface Shortcut {
  /** The key as printed on the keyboard: one letter. */
  key: string;
  /** What the help panel says the key does. */
  label: StringKey;
  /** What the key does now; null when there is nothing for it to do. */
  press: Press | null;
}

// Refusals that never went to the server count down from -1, so they never take the id of a
// press the socket tracks (those count up from 1).
let localIds = 0;

/**
 * Sends a press — or, when the engine refuses it, shows the refusal with its paragraph on the
 * feedback line, as the server's answer would, without sending it. A button is disabled
 * while refused (and says why beneath it); a key has no such place, so without this line a
 * refused key would do nothing visible.
 */
export function send(press: Press | null): void {
  if (!press) return;
  if (press.refusal) {
    useStore.setState({ feedback: { id: --localIds, label: press.label, state: 'refused', refusal: press.refusal } });
    return;
  }
  if (!press.body) return;
  if (press.ask) {
    const { ask, ...rest } = press;
    ask(() => send(rest));
    return;
  }
  void act(press.body, press.label, press.pendingKey ?? press.body.type).then((ack) => press.then?.(ack));
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/**
 * The keys of a screen's shortcut table, on the whole window. Keys are ignored while the
 * person types in a field, with Ctrl, Alt or ⌘ (the browser's own shortcuts), and on repeat.
 */
export function useShortcuts(table: readonly Shortcut[]): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
    const row = table.find((s) => s.key.toLowerCase() === e.key.toLowerCase());
    if (!row) return;
    e.preventDefault();
    send(row.press);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
