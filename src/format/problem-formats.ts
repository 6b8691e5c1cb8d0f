/** The output formats of `validate` and `check`: the CLI's choices and the type, from one list (no imports: specs load it at start-up). */
export const PROBLEM_FORMATS = ['text', 'json', 'github', 'gitlab'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];
