import { placeFile } from '../../model/layout.js';
import type { PolicyFinding, PolicyRule } from '../rule.js';
import { sameHandle } from '../../model/people.js';
import { voterOfPath, type PolicyScope, type JudgedChange } from '../scope.js';
import type { Acting } from '../types.js';

export const voteVoter: PolicyRule = {
  id: 'policy/vote-voter',
  severity: 'error',
  reads: { base: { vote: [] }, head: { vote: [] } },
  description:
    'A vote is added, changed or retracted only by its voter (or the reviewer recording it).',
  check(scope) {
    return scope.of('vote').flatMap((change) => {
      const found =
        change.status === 'deleted' ? judgeRetraction(scope, change) : judgeVote(scope, change);
      return found ? [found] : [];
    });
  },
};

function judgeRetraction(scope: PolicyScope, change: JudgedChange): PolicyFinding | undefined {
  const old = scope.baseVotes.get(change.path);
  const voter = old?.voter ?? voterOfPath(change.path);
  const who = scope.refused(
    change.actedOn,
    (a) =>
      sameHandle(a.handle, voter) ||
      (old?.recorded_by !== undefined &&
        sameHandle(a.handle, old.recorded_by) &&
        scope.isReviewer(a)),
  );
  if (!who) return undefined;
  return {
    file: change.path,
    message: `${who} deleted the vote of ${voter ?? 'someone else'}`,
    allowed: `only ${voter ?? 'its voter'} may retract it (ideas vote --retract)`,
  };
}

function judgeVote(scope: PolicyScope, change: JudgedChange): PolicyFinding | undefined {
  const { path } = change;
  const vote = scope.headVotes.get(path);
  const old = change.status === 'modified' ? scope.baseVotes.get(path) : undefined;
  const named = placeFile(path);
  const voters = [
    ...new Set(
      [vote?.voter, named.kind === 'vote' ? named.voter : undefined, old?.voter].filter(
        (v): v is string => Boolean(v),
      ),
    ),
  ];
  const recordedChanged = vote?.recorded_by !== undefined && vote.recorded_by !== old?.recorded_by;
  const mayRecord = (a: Acting) =>
    vote?.recorded_by !== undefined &&
    sameHandle(a.handle, vote.recorded_by) &&
    scope.isReviewer(a);
  const who = scope.refused(change.actedOn, (a) => {
    if (mayRecord(a)) return true;
    if (recordedChanged) return false; // A voter cannot claim a reviewer recorded their vote.
    return voters.length > 0 && voters.every((v) => sameHandle(a.handle, v));
  });
  if (!who) return undefined;
  const voter = voters.join(' / ') || 'its voter';
  const verb = change.status === 'added' ? 'added' : 'changed';
  const message = recordedChanged
    ? `${who} ${verb} a vote of ${voter} marked recorded_by: ${vote?.recorded_by}, and only that reviewer may record it`
    : `${who} ${verb} the vote of ${voter}`;
  return {
    file: path,
    message,
    allowed: `only ${voter} may ${verb === 'added' ? 'add' : 'change'} it, or a reviewer (${scope.reviewerList()}) recording it for them with recorded_by`,
    field: ['voter'],
  };
}
