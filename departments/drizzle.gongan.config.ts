// drizzle-kit for the 公安 stand-in: migrations into drizzle/gongan from src/gongan/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/gongan/schema.ts', out: './drizzle/gongan' })
