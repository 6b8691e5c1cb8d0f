/** The command table, in the order `ideas --help` lists it. Add a command here and in specs/ and commands/. */
import type { CommandSpec } from '../spec.js';
import { changelogSpec } from './changelog.js';
import { changesSpec } from './changes.js';
import { checkSpec } from './check.js';
import { completeSpec, completionSpec } from './completion.js';
import { demoSpec } from './demo.js';
import { editSpec } from './edit.js';
import { exportSpec } from './export.js';
import { importSpec } from './import.js';
import { indexSpec } from './index-command.js';
import { initSpec } from './init.js';
import { listSpec } from './list.js';
import { newSpec } from './new.js';
import { pendingSpec } from './pending.js';
import { queueSpec } from './queue.js';
import { rankSpec } from './rank.js';
import { reportSpec } from './report.js';
import { roadmapSpec } from './roadmap.js';
import { reviewSpec } from './review.js';
import { showSpec } from './show.js';
import { siteSpec } from './site.js';
import { validateSpec } from './validate.js';
import { voteSpec } from './vote.js';

export const commandSpecs: readonly CommandSpec[] = [
  initSpec,
  newSpec,
  voteSpec,
  reviewSpec,
  editSpec,
  rankSpec,
  listSpec,
  showSpec,
  queueSpec,
  changesSpec,
  changelogSpec,
  reportSpec,
  siteSpec,
  roadmapSpec,
  indexSpec,
  validateSpec,
  checkSpec,
  pendingSpec,
  importSpec,
  exportSpec,
  demoSpec,
  completionSpec,
  completeSpec,
];
