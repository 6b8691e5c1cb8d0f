/** The smallest repository the hostile-input tests start from: one person, who also reviews. */

export const ONE_REVIEWER_CONFIG =
  'version: 1\npeople:\n  tess: {emails: [test@example.com]}\nreviewers: [tess]\n';

/** An idea by that person with every section the default template asks for. */
export function shippingIdea(title = 'Overnight shipping'): string {
  return `---
id: ship01
title: ${title}
authors: [tess]
created: 2026-11-01
---
## Problem
Orders stall.

## Proposal
Ship overnight.

## Evidence
Tickets.
`;
}
