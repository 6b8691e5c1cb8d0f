/** Lifecycles the tests share: the default main line, and a PEP-like one done at "final". */

/** The default lifecycle's main line, in order (SPEC section 2). */
export const DEFAULT_MAIN_LINE = [
  'proposed',
  'reviewing',
  'accepted',
  'prototyping',
  'validated',
  'shipped',
];

/** A config's `lifecycle:` block modelled on Python's PEPs: done at "final", superseded as successor. */
export const PEP_LIFECYCLE = `lifecycle:
  initial: draft
  main: [draft, accepted, final]
  done: [final]
  closed: [final, superseded, rejected, withdrawn]
  successor: [superseded]
  rationale_required: [rejected]
  transitions:
    draft: [accepted, rejected, withdrawn]
    accepted: [final, rejected, withdrawn]
    final: [superseded]
    superseded: []
    rejected: []
    withdrawn: []
`;
