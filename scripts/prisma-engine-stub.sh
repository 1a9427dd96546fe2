#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# Migrations run through the WebAssembly engine instead: npm run db:migrate / db:deploy.
echo "The native Prisma schema engine is not installed. Use npm run db:migrate or npm run db:deploy." >&2
exit 1
