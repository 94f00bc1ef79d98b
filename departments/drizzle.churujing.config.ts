// drizzle-kit for the 出入境 stand-in: migrations into drizzle/churujing from src/churujing/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/churujing/schema.ts', out: './drizzle/churujing' })
