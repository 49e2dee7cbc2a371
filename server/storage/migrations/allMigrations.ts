import type { Migration } from 'kysely';
import { m001_documentUpdates } from './m001_documentUpdates.js';
import { m002_accounts } from './m002_accounts.js';
import { m003_branches } from './m003_branches.js';
import { m004_meetings } from './m004_meetings.js';
import { m005_moderation } from './m005_moderation.js';
import { m006_documentUpdateIds } from './m006_documentUpdateIds.js';
import { m007_appraisal } from './m007_appraisal.js';
import { m008_documentVersions } from './m008_documentVersions.js';
import { m009_rectifications } from './m009_rectifications.js';

/** Every migration, by name; names sort in the order they apply. */
export const allMigrations: Record<string, Migration> = {
  '001_document_updates': m001_documentUpdates,
  '002_accounts': m002_accounts,
  '003_branches': m003_branches,
  '004_meetings': m004_meetings,
  '005_moderation': m005_moderation,
  '006_document_update_ids': m006_documentUpdateIds,
  '007_appraisal': m007_appraisal,
  '008_document_versions': m008_documentVersions,
  '009_rectifications': m009_rectifications,
};
