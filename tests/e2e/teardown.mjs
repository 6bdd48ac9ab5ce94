// Removes the LibreOffice profiles the workers kept for the run (see convertWithLibreOffice).
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function teardown() {
  for (const name of await readdir(tmpdir())) {
    if (name.startsWith('koop-lo-profile-')) await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
}
