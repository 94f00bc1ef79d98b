// drizzle-kit: generates SQL migrations into ./drizzle from each capability's tables (run `pnpm db:generate`).
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/*/tables.ts',
  out: './drizzle',
})
