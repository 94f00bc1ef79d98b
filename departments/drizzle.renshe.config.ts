// drizzle-kit for the 人社 stand-in: migrations into drizzle/renshe from src/renshe/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/renshe/schema.ts', out: './drizzle/renshe' })
