/** What kind of file a changed path is, and whether the path itself is an attempt to escape the layout. */
import { CONFIG_FILE, RECORD_FOLDERS, placeFile } from '../model/layout.js';

export type ChangeKind = 'idea' | 'vote' | 'decision' | 'config' | 'template' | 'index' | 'other';

export const INDEX_FILE = 'IDEAS.md';

/** Files that steer CI and review: changing them changes who checks what, so reviewers own them. */
const CI_FILES =
  /^(?:\.github\/workflows\/.+|\.github\/CODEOWNERS|CODEOWNERS|docs\/CODEOWNERS|\.gitlab-ci\.yml|\.gitlab\/.+)$/;

/**
 * What else at the top of the git repository changes the tools CI runs or how git reads the
 * files: npm's manifests, settings and installed packages, git attributes and submodules.
 */
const TOOL_FILES =
  /^(?:\.github\/.+|package\.json|package-lock\.json|npm-shrinkwrap\.json|\.npmrc|\.yarnrc(?:\.yml)?|\.gitattributes|\.gitmodules|node_modules\/.+)$/;

/** True for the CI and CODEOWNERS files, which live at the git top level even when the root is a subfolder. */
export function isCiFile(path: string): boolean {
  return CI_FILES.test(path);
}

/** True for the files at the git top level that steer CI: reviewers own them even above a subfolder root. */
export function steersCi(path: string): boolean {
  return CI_FILES.test(path) || TOOL_FILES.test(path);
}

/** The kind of a path relative to the ideas root. */
export function classifyPath(path: string): ChangeKind {
  if (path === CONFIG_FILE || steersCi(path)) return 'config';
  if (path === INDEX_FILE) return 'index';
  if (path.startsWith('templates/')) return 'template';
  const placement = placeFile(path);
  if (placement.kind === 'idea' || placement.kind === 'vote' || placement.kind === 'decision')
    return placement.kind;
  // A misplaced file (votes/<id>/extra/x.md) is outside the layout: validation says where it belongs.
  return 'other';
}

/** Names that must be spelt exactly: on a case-insensitive disk `Votes/` and `votes/` are one folder. */
const LAYOUT_NAMES = [...RECORD_FOLDERS, 'templates', '.github', CONFIG_FILE, INDEX_FILE];

/** Why a path escapes or dodges the layout, or undefined when it is an ordinary path. */
export function unsafePathReason(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute';
  // eslint-disable-next-line no-control-regex -- control characters in a path are the point
  if (/[\u0000-\u001f\u007f]/.test(path))
    return 'the path holds control characters, which can rewrite what a terminal shows';
  if (path.normalize('NFC') !== path)
    return 'the path is not in Unicode NFC form: macOS stores it as another name that looks the same';
  if (path.includes('\\')) return 'the path holds a backslash, a folder separator on Windows';
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === ''))
    return 'the path holds an empty, "." or ".." segment that points outside its folder';
  const first = segments[0] ?? '';
  const twin = LAYOUT_NAMES.find(
    (name) => name !== first && name.toLowerCase() === first.toLowerCase(),
  );
  if (twin !== undefined)
    return `"${first}" differs from "${twin}" only in case: on macOS and Windows they are the same ${segments.length > 1 ? 'folder' : 'file'}`;
  return undefined;
}

/** Touched paths that differ only in case from another path or folder of the tree. */
export function caseCollisions(
  touched: readonly string[],
  tree: readonly string[],
): Map<string, string> {
  // Only names that fold like a touched one can collide with it: the rest of a large tree is
  // passed over without being kept.
  const wanted = new Set(touched.flatMap((path) => prefixesOf(path).map(foldName)));
  const byLower = new Map<string, Set<string>>();
  const add = (path: string) => {
    const key = foldName(path);
    if (!wanted.has(key)) return;
    const set = byLower.get(key);
    if (set) set.add(path);
    else byLower.set(key, new Set([path]));
  };
  for (const path of tree)
    for (let end = path.indexOf('/'); ; end = path.indexOf('/', end + 1)) {
      add(end < 0 ? path : path.slice(0, end));
      if (end < 0) break;
    }
  const found = new Map<string, string>();
  for (const path of touched) {
    for (const prefix of prefixesOf(path)) {
      const other = [...(byLower.get(foldName(prefix)) ?? [])].find((p) => p !== prefix);
      if (other !== undefined) {
        found.set(path, other);
        break;
      }
    }
  }
  return found;
}

/** How a case-insensitive, normalising file system (macOS, Windows) sees a name. */
export function foldName(path: string): string {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no normalising
  return (/^[\x00-\x7f]*$/.test(path) ? path : path.normalize('NFC')).toLowerCase();
}

/** `a/b/c.md` -> `a`, `a/b`, `a/b/c.md`. */
export function prefixesOf(path: string): string[] {
  const segments = path.split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}
