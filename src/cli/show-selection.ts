/** What `ideas show` reads first, and names its cached answer by. */
import { emptySelection, type Selection } from '../validate/reach.js';

/** Before anything is read: every idea and decision, and the votes on the idea. */
export function firstRead(id: string): Selection {
  const selection = emptySelection();
  selection.everyIdea = true;
  selection.votesOn.add(id);
  return selection;
}
