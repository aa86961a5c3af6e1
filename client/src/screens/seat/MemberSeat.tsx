import { useMemo } from 'react';
import { withOwn } from '../../../../shared/views';
import type { Actor, Choice, MeetingState } from '../../../../shared/index';
import { FeedbackLine, PartyLetter, ScreenHeader } from '../../components/common';
import { allowedFor } from '../../engine';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { Amendments } from './Amendments';
import { CheckOutCard } from './CheckOutCard';
import { DeclarationCard } from './DeclarationCard';
import { AgendaOrderCard } from './AgendaOrderCard';
import { DemandsCard } from './DemandsCard';
import { FloorCard } from './FloorCard';
import { ItemCard } from './ItemCard';
import { LastResult } from './LastResult';
import { MotionCard } from './MotionCard';
import { SeatElection } from './SeatElection';
import { seatLabelOf } from './seatKey';
import { StatusLines } from './StatusLines';
import { VoteCard } from './VoteCard';

/**
 * The checked-in member's screen. What is to be decided now — a vote, a declaration without
 * a vote (§ 24, stk. 4), an election — comes first, right under the status and the answer
 * to the last press; the item, the floor, the demands and the amendments follow.
 */
export function MemberSeat({ state: shared, personId, seatId }: { state: MeetingState; personId: string; seatId: string }) {
  const t = useT();
  const own = useStore((s) => s.own);
  const state = useMemo(() => withOwn(shared, own), [shared, own]);
  const actor: Actor = useMemo(() => ({ role: 'member', personId, seatId }), [personId, seatId]);
  const allowed = useMemo(() => allowedFor(state, actor), [state, actor]);

  const me = state.persons[personId];
  const group = me ? state.groups[me.groupId] : undefined;
  const item = state.currentItem ? state.items[state.currentItem] : undefined;
  const activeItem = item && item.status === 'active' ? item : undefined;
  const vote = state.activeVote ? state.votes[state.activeVote] : undefined;
  const myBallot: Choice | null = vote && own?.voteId === vote.id ? own.ballot : null;
  const seatLabel = seatLabelOf(state, seatId);

  return (
    <div className="screen seat">
      <ScreenHeader
        title={me?.name ?? personId}
        subtitle={
          <>
            <PartyLetter group={group} /> {group?.name}
            {' · '}
            {seatLabel ? t('seatLabel', { label: seatLabel }) : null}
            {me?.kind === 'substitute' ? ` · ${t('statusSubstitute')}` : ''}
          </>
        }
      />
      <main className="seat-main">
        <StatusLines state={state} personId={personId} itemId={activeItem?.id ?? null} />
        <FeedbackLine />
        {vote ? <VoteCard state={state} vote={vote} personId={personId} myBallot={myBallot} allowed={allowed} /> : null}
        <DeclarationCard state={state} personId={personId} allowed={allowed} />
        {state.pendingMotion ? <MotionCard state={state} actor={actor} personId={personId} /> : null}
        <SeatElection state={state} personId={personId} actor={actor} />
        <ItemCard item={activeItem} state={state} />
        {activeItem ? (
          <>
            <FloorCard state={state} item={activeItem} personId={personId} actor={actor} allowed={allowed} />
            <DemandsCard state={state} personId={personId} allowed={allowed} />
            <Amendments state={state} itemId={activeItem.id} personId={personId} actor={actor} refusal={allowed['amendment.submit']} />
            {vote ? null : <LastResult state={state} itemId={activeItem.id} personId={personId} />}
          </>
        ) : null}
        {state.pendingMotion ? null : <MotionCard state={state} actor={actor} personId={personId} />}
        <AgendaOrderCard state={state} personId={personId} allowed={allowed} />
        <CheckOutCard refusal={allowed['presence.checkOut']} />
      </main>
    </div>
  );
}
