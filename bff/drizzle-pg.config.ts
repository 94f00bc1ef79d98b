// drizzle-kit for PostgreSQL: generates SQL migrations into ./drizzle-pg from each capability's tables.pg.ts
// (run `pnpm db:generate:pg`).
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/*/tables.pg.ts',
  out: './drizzle-pg',
})
