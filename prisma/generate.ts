// Generates the Prisma client for SQLite and for PostgreSQL.
import { generateClients } from "./providers";
generateClients();
console.log("generated Prisma clients for sqlite and postgresql");
