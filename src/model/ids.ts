/**
 * Idea ids are allocated with no coordination (SPEC §2): random, so two people on two branches
 * never pick the same one the way sequential numbers would. 6 characters give 26 × 36⁵ ≈ 1.6
 * billion ids; the caller also checks every id it can see on any branch.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHABET = `${LETTERS}0123456789`;
export const ID_LENGTH = 6;

/** `randomInt(max)` returns an integer in [0, max): the caller brings a CSPRNG. */
export function makeId(randomInt: (max: number) => number, length = ID_LENGTH): string {
  // A letter first: an all-digit id would read as a YAML number.
  let id = LETTERS[randomInt(LETTERS.length)] ?? 'a';
  while (id.length < length) id += ALPHABET[randomInt(ALPHABET.length)] ?? '0';
  return id;
}

/** A fresh id not in `taken`; gives up after many tries rather than loop for ever. */
export function allocateId(taken: ReadonlySet<string>, randomInt: (max: number) => number): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = makeId(randomInt, attempt < 900 ? ID_LENGTH : ID_LENGTH + 2);
    if (!taken.has(id)) return id;
  }
  throw new Error('could not find a free idea id after 1000 tries');
}
