import { describe, expect, it } from 'vitest';
import { parseRemoteUrl, pullRequestUrl } from '../../src/git/forge-url.js';
import { allocateId, makeId } from '../../src/model/ids.js';
import { ID_PATTERN } from '../../src/schema/common.js';
import { renderIdea, updateVoteText } from '../../src/format/record-files.js';
import { parseFrontMatter } from '../../src/parse/front-matter.js';

describe('pull-request URLs from remote URLs', () => {
  const cases: [string, string | undefined][] = [
    [
      'https://github.com/acme/ideas.git',
      'https://github.com/acme/ideas/compare/main...idea/abc123-x?expand=1',
    ],
    [
      'https://github.com/acme/ideas',
      'https://github.com/acme/ideas/compare/main...idea/abc123-x?expand=1',
    ],
    [
      'git@github.com:acme/ideas.git',
      'https://github.com/acme/ideas/compare/main...idea/abc123-x?expand=1',
    ],
    [
      'ssh://git@github.com/acme/ideas.git',
      'https://github.com/acme/ideas/compare/main...idea/abc123-x?expand=1',
    ],
    [
      'https://user:token@github.com/acme/ideas.git',
      'https://github.com/acme/ideas/compare/main...idea/abc123-x?expand=1',
    ],
    [
      'git@gitlab.com:acme/tools/ideas.git',
      'https://gitlab.com/acme/tools/ideas/-/merge_requests/new?merge_request%5Bsource_branch%5D=idea%2Fabc123-x&merge_request%5Btarget_branch%5D=main',
    ],
    [
      'https://gitlab.example.org/acme/ideas.git',
      'https://gitlab.example.org/acme/ideas/-/merge_requests/new?merge_request%5Bsource_branch%5D=idea%2Fabc123-x&merge_request%5Btarget_branch%5D=main',
    ],
    [
      'ssh://git@gitlab.com:2222/acme/ideas.git',
      'https://gitlab.com/acme/ideas/-/merge_requests/new?merge_request%5Bsource_branch%5D=idea%2Fabc123-x&merge_request%5Btarget_branch%5D=main',
    ],
    ['https://bitbucket.org/acme/ideas.git', undefined],
    ['/srv/git/ideas.git', undefined],
    ['file:///srv/git/ideas.git', undefined],
    ['https://github.com/acme', undefined],
  ];
  for (const [url, expected] of cases) {
    it(url, () => {
      const remote = parseRemoteUrl(url);
      expect(remote ? pullRequestUrl(remote, 'idea/abc123-x', 'main') : undefined).toBe(expected);
    });
  }
});

describe('id allocation', () => {
  it('makes ids that start with a letter and match the schema', () => {
    for (let i = 0; i < 200; i++) {
      const id = makeId((max) => Math.floor(Math.random() * max));
      expect(id).toMatch(ID_PATTERN);
      expect(id).toHaveLength(6);
    }
    // Even a generator stuck at its highest value gives a letter first.
    expect(makeId((max) => max - 1)).toBe('z99999');
  });

  it('draws again when the id is taken', () => {
    const draws = [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const next = () => draws.shift() ?? 0;
    expect(allocateId(new Set(['aaaaaa']), next)).toBe('baaaaa');
  });
});

describe('record files', () => {
  it('keeps a title with YAML syntax a plain string', () => {
    const text = renderIdea({
      id: 'abc123',
      title: 'a: b # not a comment',
      authors: ['alice'],
      created: '2026-11-24',
      tags: ['x'],
      kind: 'idea',
      body: '## Problem\nx\n',
    });
    expect(parseFrontMatter(text).data?.title).toBe('a: b # not a comment');
  });

  it('leaves a vote it cannot read as front matter to be rewritten whole', () => {
    expect(
      updateVoteText('no fences\n', { points: 1, date: '2026-11-24', customers: [] }),
    ).toBeUndefined();
    expect(
      updateVoteText('---\n[not, a, map]\n---\n', { points: 1, date: '2026-11-24', customers: [] }),
    ).toBeUndefined();
  });

  it('drops recorded_by when the voter writes their own vote again', () => {
    const updated = updateVoteText(
      '---\nidea: abc123\nvoter: bob\npoints: 1\ndate: 2026-11-01\nrecorded_by: carol\n---\n',
      {
        points: 1,
        date: '2026-11-24',
        customers: [],
      },
    );
    expect(updated).toBe('---\nidea: abc123\nvoter: bob\npoints: 1\ndate: 2026-11-24\n---\n');
  });
});
