/**
 * § 19, stk. 4: members are named by first and last name, mayors by their official title.
 * Every screen and the record name a person through this, so the rule lives in one place.
 */
export function styledName(p: { name: string; title?: string }): string {
  const title = p.title?.trim();
  return title ? `${title} ${p.name}` : p.name;
}
