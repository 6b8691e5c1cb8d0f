/**
 * Who has voted for an idea, as its page tells the browser: enough to say to a returning
 * visitor "you have voted for this already", and no more. Each voter's handle is hashed to 32
 * bits (FNV-1a) and the sorted hashes go as base-36 gaps (the search index's encoding): an idea
 * with 5,000 votes ships about 25 KB instead of every handle, and a handle that has not voted
 * is taken for one that has with a chance of at most 5,000 in 2³² (about one in a million).
 * Handles are hashed as compared (handleKey: `Bob` is `bob`, as check judges a second vote).
 * Shared by the page generator and the browser script.
 */
import { handleKey } from '../model/people.js';
import { decodePostings, encodePostings } from './postings.js';

/** FNV-1a over the handle's UTF-16 code units as compared (handles are ASCII), unsigned 32-bit. */
export function handleHash(handle: string): number {
  const key = handleKey(handle);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The `data-voted` of an idea's vote form. */
export function encodeVoted(handles: Iterable<string>): string {
  const hashes = [...new Set([...handles].map(handleHash))].sort((a, b) => a - b);
  return encodePostings(hashes);
}

/** Whether `handle` is among the voters `encodeVoted` wrote. */
export function readVoted(encoded: string): (handle: string) => boolean {
  const hashes = new Set(decodePostings(encoded));
  return (handle) => hashes.has(handleHash(handle));
}
