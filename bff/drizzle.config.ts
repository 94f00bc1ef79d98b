// drizzle-kit: generates SQL migrations into ./drizzle from src/db/schema.ts (run `pnpm db:generate`).
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
})
