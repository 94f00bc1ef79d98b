// drizzle-kit for the 医保 stand-in: migrations into drizzle/yibao from src/yibao/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/yibao/schema.ts', out: './drizzle/yibao' })
