import { loadEnvFile } from './loadEnvFile';

// Imported first by entry points Next.js does not start, so `.env` is in process.env before any
// module (the database client among them) reads it.
loadEnvFile();
