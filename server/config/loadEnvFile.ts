import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Loads `.env` from the working directory into process.env for the processes Next.js does not
 * start (the sync server and scripts). Variables already set win over the file.
 */
export function loadEnvFile(): void {
  const file = path.join(process.cwd(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
