// Page paths for navigation, in one place (app.config.ts registers the same pages).
export const PAGES = {
  me: '/pages/me/index',
  login: '/pages/login/index',
  face: '/pages/face/index',
  feedback: '/pages/feedback/index',
} as const
