/**
 * Reading commander's untyped options into typed values, checking each instead of casting:
 * a spec's `parse` is made of these.
 */
import { UsageError } from '../errors.js';
import type { RawOptions } from './spec.js';

/** Where commander stores `--some-flag`: `someFlag`. */
function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export function optionalString(options: RawOptions, key: string): string | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`${flagName(key)} takes a value`);
  return value;
}

export function requiredString(options: RawOptions, key: string): string {
  const value = optionalString(options, key);
  if (value === undefined) throw new UsageError(`${flagName(key)} is required`);
  return value;
}

/** A flag's value, where `--no-x` makes false and absence leaves undefined. */
export function optionalBoolean(options: RawOptions, key: string): boolean | undefined {
  const value = options[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function flag(options: RawOptions, key: string): boolean {
  return options[key] === true;
}

export function stringList(options: RawOptions, key: string): string[] | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    throw new UsageError(`${flagName(key)} takes values`);
  return value;
}

/** One of `choices` (commander has checked it already when it declares them). */
export function choice<const T extends string>(
  options: RawOptions,
  key: string,
  choices: readonly T[],
): T | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  const found = choices.find((c) => c === value);
  if (found === undefined)
    throw new UsageError(
      `${flagName(key)} takes one of ${choices.join(', ')}, not "${String(value)}"`,
    );
  return found;
}

export function requiredChoice<const T extends string>(
  options: RawOptions,
  key: string,
  choices: readonly T[],
  fallback: T,
): T {
  return choice(options, key, choices) ?? fallback;
}

/** `--root`, `--ref`, `--at` and `--no-cache`, which the read commands take. */
export interface ReadFlags {
  root: string | undefined;
  ref: string | undefined;
  /** A moment: a date, a date and time, or a commit (git/point-in-time.ts). */
  at?: string | undefined;
  /** False with `--no-cache`: every file read and parsed afresh, no cached answer. */
  cache?: boolean | undefined;
}

export function readFlags(options: RawOptions): ReadFlags {
  return {
    root: optionalString(options, 'root'),
    ref: optionalString(options, 'ref'),
    at: optionalString(options, 'at'),
    ...cacheFlag(options),
  };
}

/** `--no-cache` alone, for the read commands that read no single ref (check, pending, demo). */
export function cacheFlag(options: RawOptions): Pick<ReadFlags, 'cache'> {
  return { cache: optionalBoolean(options, 'cache') };
}
