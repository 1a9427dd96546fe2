import '../server/config/loadEnv';
import { createPrismaClient } from '../server/db';
import { seedDatabase } from './seed/seedDatabase';

/** `npm run db:seed`: creates the demo account and loads the sample novel if they are missing. */
const prisma = createPrismaClient();
const { created } = await seedDatabase(prisma);
console.log(created ? 'Loaded the sample novel as manuscript "sample".' : 'The sample novel is already loaded.');
await prisma.$disconnect();
