import type { Kysely, Selectable } from 'kysely';
import {
  BUILT_IN_TEMPLATES,
  findBuiltInTemplate,
  type MeetingTemplate,
} from '../../shared/meetings/meetingTemplates.js';
import type { CreateTemplateRequest } from '../../shared/meetings/meetingSchemas.js';
import type { DatabaseSchema, MeetingTemplateTable } from '../storage/DatabaseSchema.js';

const CUSTOM_PREFIX = 'custom-';

/** The built-in templates plus those each branch defines for a local theme. */
export class MeetingTemplates {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Built-in templates first (newest year first), then the branch's own. */
  async listFor(branchId: number): Promise<MeetingTemplate[]> {
    const own = await this.db
      .selectFrom('meeting_templates')
      .selectAll()
      .where('branch_id', '=', branchId)
      .orderBy('id')
      .execute();
    return [...BUILT_IN_TEMPLATES, ...own.map(toTemplate)];
  }

  /** A template the branch may use (a built-in one or its own), else undefined. */
  async find(branchId: number, id: string): Promise<MeetingTemplate | undefined> {
    const builtIn = findBuiltInTemplate(id);
    if (builtIn) return builtIn;
    const rowId = customId(id);
    if (rowId === null) return undefined;
    const row = await this.db
      .selectFrom('meeting_templates')
      .selectAll()
      .where('id', '=', rowId)
      .where('branch_id', '=', branchId)
      .executeTakeFirst();
    return row && toTemplate(row);
  }

  async create(branchId: number, t: CreateTemplateRequest): Promise<MeetingTemplate> {
    const row = await this.db
      .insertInto('meeting_templates')
      .values({
        branch_id: branchId,
        kind: t.kind,
        year: t.year,
        name: t.name,
        theme: t.theme,
        aspects: JSON.stringify(t.aspects),
        created_at: this.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTemplate(row);
  }

  /** Deletes one of the branch's own templates; resolves false if it has no such template. */
  async delete(branchId: number, id: string): Promise<boolean> {
    const rowId = customId(id);
    if (rowId === null) return false;
    const result = await this.db
      .deleteFrom('meeting_templates')
      .where('id', '=', rowId)
      .where('branch_id', '=', branchId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}

function customId(id: string): number | null {
  if (!id.startsWith(CUSTOM_PREFIX)) return null;
  const n = Number(id.slice(CUSTOM_PREFIX.length));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function toTemplate(row: Selectable<MeetingTemplateTable>): MeetingTemplate {
  return {
    id: `${CUSTOM_PREFIX}${row.id}`,
    kind: row.kind,
    year: row.year,
    name: row.name,
    theme: row.theme,
    aspects: JSON.parse(row.aspects) as string[],
    branchId: row.branch_id,
  };
}
