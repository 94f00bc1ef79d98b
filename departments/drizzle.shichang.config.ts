// drizzle-kit for the 市场监管 stand-in: migrations into drizzle/shichang from src/shichang/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/shichang/schema.ts', out: './drizzle/shichang' })
