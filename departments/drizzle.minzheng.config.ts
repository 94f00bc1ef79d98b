// drizzle-kit for the 民政 stand-in: migrations into drizzle/minzheng from src/minzheng/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/minzheng/schema.ts', out: './drizzle/minzheng' })
