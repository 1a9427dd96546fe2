import { createPrismaClient } from '../server/db';
import { seedDatabase } from './seed/seedDatabase';

/** `npm run db:seed`: loads the sample novel into the database if it is not there yet. */
const prisma = createPrismaClient();
const { created } = await seedDatabase(prisma);
console.log(created ? 'Loaded the sample novel as manuscript "sample".' : 'The sample novel is already loaded.');
await prisma.$disconnect();
