// Feedback (意见反馈): filing feedback and reading its receipt. Public entry: the service and the routes plugin.
export { createFeedbackService, type FeedbackCopy, type FeedbackService } from './feedback-service'
export { default } from './routes'
