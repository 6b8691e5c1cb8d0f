/** Small numeric and calendar helpers of the report: pure, day precision, UTC calendar. */

export { daysBetween } from '../model/record-dates.js';

/** The day `count` days after `day` (before it when negative), YYYY-MM-DD in the UTC calendar. */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every month from `first` to `last` inclusive, as YYYY-MM. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/**
 * The p-th percentile (0..100) by linear interpolation between the closest ranks (the common
 * "type 7" definition, as in spreadsheets and numpy), rounded to one decimal. Null when empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? 0;
  const value = lowValue + ((sorted[high] ?? lowValue) - lowValue) * (rank - low);
  return Math.round(value * 10) / 10;
}

export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  return { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) };
}

/** A share in 0..1 rounded to three decimals; null when the whole is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

export function byString<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
