// drizzle-kit for the 卫健 stand-in: migrations into drizzle/weijian from src/weijian/schema.ts.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/weijian/schema.ts', './src/weijian/outbox-schema.ts'],
  out: './drizzle/weijian',
})
