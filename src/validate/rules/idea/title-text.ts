import type { Rule } from '../../rule.js';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A title is one line of plain text. Every output escapes what a title holds anyway; this rule
 * tells the author, so that an escape sequence or a line break never merges unnoticed.
 */
export const ideaTitleText: Rule = {
  id: 'idea/title-text',
  severity: 'error',
  reads: { idea: [] },
  description:
    'A title is one line of plain text: no line breaks, control characters or bidirectional overrides.',
  check(repo) {
    return repo.ideas
      .filter((idea) => CONTROL.test(idea.title))
      .map((idea) => ({
        file: idea.path,
        field: ['title'],
        message:
          'the title holds a line break, a control character or a bidirectional override: write it as one line of plain text',
      }));
  },
};
