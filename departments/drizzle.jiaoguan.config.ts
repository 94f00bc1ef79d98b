// drizzle-kit for the 交管 stand-in: migrations into drizzle/jiaoguan from src/jiaoguan/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/jiaoguan/schema.ts', out: './drizzle/jiaoguan' })
