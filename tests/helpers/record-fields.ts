/** The front-matter fields of an idea, in the order the schema gives a parsed idea's keys. */
export const IDEA_FIELDS = [
  'id',
  'title',
  'authors',
  'team',
  'created',
  'tags',
  'kind',
  'parent',
  'campaign',
  'estimates',
] as const;
