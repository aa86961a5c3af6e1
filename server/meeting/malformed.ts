import { serverRefusal } from './service';

type Issues = { issues: { path: PropertyKey[]; message: string }[] };

/** A zod error's first three problems on one line, each with its path: what a MALFORMED refusal says. */
export function zodIssues(e: Issues): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

/** The MALFORMED refusal of a payload that is not `what` (Danish, English). */
export const malformed = (what: { da: string; en: string }, e: Issues) =>
  serverRefusal('MALFORMED', `${what.da}: ${zodIssues(e)}`, `${what.en}: ${zodIssues(e)}`);
