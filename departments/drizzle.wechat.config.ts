// drizzle-kit for the WeChat stand-in: migrations into drizzle/wechat from src/wechat/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/wechat/schema.ts', out: './drizzle/wechat' })
