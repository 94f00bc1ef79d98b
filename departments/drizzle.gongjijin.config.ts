// drizzle-kit for the 公积金 stand-in: migrations into drizzle/gongjijin from src/gongjijin/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/gongjijin/schema.ts', out: './drizzle/gongjijin' })
