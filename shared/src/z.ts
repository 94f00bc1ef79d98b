// The one place zod is configured: jitless, because WeChat mini-programs forbid eval/new Function.
import { z } from 'zod'

z.config({ jitless: true })

export { z }
