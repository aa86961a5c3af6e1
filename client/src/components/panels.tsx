import { useMemo, type ReactNode } from 'react';
import './console.css';
import type { ActionBody, Actor, MeetingState, Refusal } from '../../../shared/index';
import { checkerFor } from '../engine';

// The consoles' panels (the chair's and the secretariat's), one file each; the screens
// import them from here.
export { ConsoleHeader, QuorumBadge } from './ConsoleHeader';
export { Notices } from './Notices';
export { PresencePanel } from './PresencePanel';
export { SignInForm, useSignInError } from './SignIn';
export { SubstitutesPanel } from './SubstitutesPanel';

/** The engine's verdict on one concrete body (null: allowed), computed once per state. */
export function useChecker(state: MeetingState, actor: Actor): (body: ActionBody) => Refusal | null {
  return useMemo(() => checkerFor(state, actor), [state, actor]);
}

/** A card named by its heading (for a screen reader's list of regions). */
export function Section({ title, id, children, className }: { title: ReactNode; id: string; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
