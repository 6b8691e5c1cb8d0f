import type { PolicyFinding, PolicyRule } from '../rule.js';
import { caseCollisions, unsafePathReason } from '../paths.js';

export const unsafePath: PolicyRule = {
  id: 'policy/unsafe-path',
  severity: 'error',
  reads: { base: {}, head: {} },
  description:
    'No path escapes the layout: no "..", absolute paths, symbolic links, submodules or case-only twins.',
  check(scope) {
    const findings: PolicyFinding[] = [];
    const touched: string[] = [];
    const nobody = (action: string) => `nobody may add ${action}`;
    for (const change of scope.input.changes) {
      for (const path of change.from !== undefined ? [change.from, change.path] : [change.path]) {
        const reason = unsafePathReason(path);
        if (reason)
          findings.push({
            file: path,
            message: reason,
            allowed: `${nobody('it')}: give the file its plain place in the layout (ideas/, votes/<id>/, decisions/<id>/)`,
          });
      }
      if (change.status === 'deleted') continue;
      touched.push(change.path);
      if (change.newMode === '120000')
        findings.push({
          file: change.path,
          message:
            'the file is a symbolic link, which could point anywhere, config and secrets included',
          allowed: `${nobody('one')}: replace the link with the file itself`,
        });
      if (change.newMode === '160000')
        findings.push({
          file: change.path,
          message: 'the path is a submodule, another repository pulled into this one',
          allowed: `${nobody('one')}: commit plain files instead`,
        });
    }
    for (const [path, twin] of caseCollisions(touched, scope.input.headPaths))
      findings.push({
        file: path,
        message: `"${path}" and "${twin}" differ only in case: on macOS and Windows they are one file`,
        allowed: `${nobody('it')}: use the existing spelling`,
      });
    return findings;
  },
};
