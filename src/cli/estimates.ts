/**
 * Estimates as `ideas new` takes them: `--estimate name=number` (repeat the flag for each), and
 * the check an answer typed at the prompt gets. The names and their bounds are the idea
 * schema's; which of them a ranking model reads is rank/models.ts's.
 */
import { UsageError } from '../errors.js';
import { sanitizeLine } from '../format/sanitize.js';
import type { Estimates } from '../model/types.js';
import { estimatesSchema } from '../schema/records.js';
import { parseNamedNumbers } from './named-numbers.js';

export type EstimateName = keyof Estimates;

/** Every estimate an idea may carry, in the schema's order. */
export const ESTIMATE_NAMES: readonly EstimateName[] = Object.keys(estimatesSchema.shape).filter(
  isEstimateName,
);

function isEstimateName(name: string): name is EstimateName {
  return Object.hasOwn(estimatesSchema.shape, name);
}

/** The number, or why it is refused ("is a fraction from 0 to 1"). */
export function checkEstimate(name: EstimateName, text: string): number | string {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return 'must be a number';
  const checked = estimatesSchema.shape[name].safeParse(value);
  return checked.success ? value : (checked.error.issues[0]?.message ?? 'is out of range');
}

const NAMES = `the estimates are ${ESTIMATE_NAMES.join(', ')}`;

/** `["reach=4000", "effort=3"]` as estimates; exit 2 naming the valid names on a bad one. */
export function parseEstimateFlags(pairs: readonly string[]): Estimates {
  const names = `${NAMES}; for example --estimate reach=4000`;
  const estimates: Estimates = {};
  const parsed = parseNamedNumbers(pairs, {
    flag: '--estimate',
    key: 'name',
    hint: names,
    valueHint: (name) => `for example --estimate ${name}=${name === 'confidence' ? '0.8' : '3'}`,
    isName: isEstimateName,
    unknown: (name) =>
      new UsageError(`--estimate: "${sanitizeLine(name)}" is not an estimate`, names),
    check: checkEstimate,
  });
  for (const { name, value } of parsed) estimates[name] = value;
  return estimates;
}

/**
 * Estimates written as JSON (`new --from-json`), held to what `--estimate` takes: a name no
 * model reads would be written and then only warned about, a typo costing the score in silence.
 */
export function checkEstimateRecord(
  given: Readonly<Record<string, number>>,
  where: string,
): Estimates {
  const estimates: Estimates = {};
  for (const [name, value] of Object.entries(given)) {
    if (!isEstimateName(name))
      throw new UsageError(`${where}: "estimates.${sanitizeLine(name)}" is not an estimate`, NAMES);
    const checked = checkEstimate(name, String(value));
    if (typeof checked === 'string')
      throw new UsageError(`${where}: estimates.${name} ${checked}, not ${value}`, NAMES);
    estimates[name] = checked;
  }
  return estimates;
}
