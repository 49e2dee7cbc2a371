import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/exports/', import.meta.url));

/**
 * Keeps a file an export test produced under test-artifacts/exports/ (git-ignored), so people
 * can open it in Word, WPS or Excel and look at it. Returns the path written.
 */
export async function writeExportArtifact(name: string, data: Buffer | string): Promise<string> {
  const path = join(ARTIFACTS, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return path;
}
