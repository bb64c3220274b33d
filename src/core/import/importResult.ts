// What an import produces: the rules file's content as plain data (printed by renderRulesFile),
// and one note per thing that was not mapped or was mapped with a difference.

/** A rule as written in guardrails.json (keys in the order they are printed). */
export type RuleJson = Record<string, unknown> & { id: string; kind: string };

export interface GuardrailsJson {
  include?: string[];
  exclude?: string[];
  tsconfig?: string;
  layers?: Record<string, string | string[]>;
  rules: RuleJson[];
}

export interface ImportNote {
  /** `not mapped`: dropped; `approximated`: mapped, but the meaning differs as the message says. */
  kind: 'not mapped' | 'approximated';
  /** The rule or setting it concerns, as named in the source ("no-orphans", "options"). */
  subject: string;
  /** The field, as a path in the source ("from.orphan", "to.pathNot"). */
  field: string;
  message: string;
}

export interface ImportResult {
  config: GuardrailsJson;
  notes: ImportNote[];
}

/** `not mapped: no-orphans from.orphan: Guardrails has no orphan check` */
export function formatNote(note: ImportNote): string {
  return `${note.kind}: ${note.subject} ${note.field}: ${note.message}`;
}

/** Collects notes for one subject, each said once. */
export class Notes {
  readonly list: ImportNote[] = [];
  private readonly seen = new Set<string>();

  add(kind: ImportNote['kind'], subject: string, field: string, message: string): void {
    const key = `${kind}\u0000${subject}\u0000${field}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ kind, subject, field, message });
  }

  notMapped(subject: string, field: string, message: string): void {
    this.add('not mapped', subject, field, message);
  }

  approximated(subject: string, field: string, message: string): void {
    this.add('approximated', subject, field, message);
  }
}

/** A unique rule id: `name`, then `name-2`, `name-3` … */
export function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}
