/** Runs every rule over a repository and returns the problems, in a stable order. */
import { locateField } from '../parse/front-matter.js';
import { withPartialRecords, type Repository } from '../model/repository.js';
import type { Problem } from '../model/types.js';
import { rules } from './registry.js';
import type { RuleContext } from './rule.js';

export interface ValidateOptions extends RuleContext {
  /** Report only problems in these files (paths relative to the root); all when absent. */
  only?: ReadonlySet<string>;
}

export function validateRepository(repo: Repository, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const checked = withPartialRecords(repo);
  for (const rule of rules) {
    for (const finding of rule.check(checked, options)) {
      if (options.only && !options.only.has(finding.file)) continue;
      const file = repo.files.get(finding.file);
      // A field the schema refused is reported once, as field/invalid or field/required.
      const field = finding.field?.[0];
      if (field !== undefined && file?.invalidFields?.includes(field)) continue;
      let { line, column } = finding;
      if (line === undefined) {
        const at =
          file && finding.field
            ? locateField(file.frontMatter, finding.field)
            : { line: 1, column: 1 };
        line = at.line;
        column = at.column;
      }
      problems.push({
        rule: rule.id,
        severity: rule.severity,
        file: finding.file,
        line,
        column: column ?? 1,
        message: finding.message,
      });
    }
  }
  return sortProblems(problems);
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
