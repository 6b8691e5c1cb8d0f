/**
 * Flags that take `name=number`, repeated (`review --score impact=4`, `new --estimate
 * reach=4000`): one reader, so both say alike what is wrong with a pair. What names exist,
 * what numbers each takes and how an unknown name is explained are the caller's.
 */
import { UsageError } from '../errors.js';
import { sanitizeLine } from '../format/sanitize.js';

export interface NamedNumberFlag<N extends string> {
  /** `--score` */
  flag: string;
  /** What the name is called in `takes criterion=number`. */
  key: string;
  /** The hint under "takes name=number, not …". */
  hint: string;
  /** The hint under a refused number: an example of a good one. */
  valueHint(name: N): string;
  isName(name: string): name is N;
  /** The error for a name that is not one of them (it says which are). */
  unknown(name: string): UsageError;
  /** The number `text` gives `name`, or why it is refused; undefined: not a number at all. */
  check(name: N, text: string): number | string | undefined;
}

/** The pairs, in order; exit 2 on the first bad one. */
export function parseNamedNumbers<N extends string>(
  pairs: readonly string[],
  spec: NamedNumberFlag<N>,
): { name: N; value: number }[] {
  const values: { name: N; value: number }[] = [];
  const notAPair = (pair: string) =>
    new UsageError(`${spec.flag} takes ${spec.key}=number, not "${sanitizeLine(pair)}"`, spec.hint);
  for (const pair of pairs) {
    const match = /^([^=]*)=(.*)$/.exec(pair);
    if (!match) throw notAPair(pair);
    const name = match[1]?.trim() ?? '';
    const text = match[2] ?? '';
    if (!spec.isName(name)) throw spec.unknown(name);
    const value = spec.check(name, text);
    if (value === undefined) throw notAPair(pair);
    if (typeof value === 'string')
      throw new UsageError(
        `${spec.flag} ${name}: ${value}, not "${sanitizeLine(text)}"`,
        spec.valueHint(name),
      );
    values.push({ name, value });
  }
  return values;
}
