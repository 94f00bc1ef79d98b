// en: the feedback form.
import type { Catalogue } from '../zh-CN'

export const feedback: Catalogue['feedback'] = {
  title: 'Feedback',
  intro: 'Your feedback helps us improve our services',
  category: 'Type of feedback',
  categories: {
    suggestion: 'Suggestion',
    bug: 'Problem',
    complaint: 'Complaint',
    praise: 'Compliment',
  },
  content: 'Your feedback',
  contentPlaceholder: 'Describe your suggestion or the problem you had (5–500 characters)',
  contentInvalid: 'Feedback must be 5–500 characters',
  contact: 'Mobile number (optional)',
  contactPlaceholder: 'Only used to reply to you, never published',
  contactInvalid: 'Enter an 11-digit mainland China mobile number',
  submit: 'Submit',
  submitting: 'Submitting…',
  received: 'Submitted. Reference number: {{id}}',
}
