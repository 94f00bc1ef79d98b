// Presentation (亮证 and 核验): device-bound credentials for one disclosure profile, online verification and each
// card's verification log. Public entry: the service and the routes plugin.
export { createPresentationService, type PresentationService } from './presentation-service'
export { default } from './routes'
export { createPresentationPersonalData, type PresentationCopy, type PresentationPersonalData } from './personal-data'
